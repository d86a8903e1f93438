namespace OrderConsole.Observability;

/// <summary>The Prometheus type an instrument is exported as.</summary>
public enum ExportKind
{
    Counter,
    Gauge,
    Histogram,
}
