namespace OrderConsole.Observability;

/// <summary>The Prometheus type a family is exposed as.</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
