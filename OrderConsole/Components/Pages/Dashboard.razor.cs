using System.Globalization;
using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Hosting;

namespace OrderConsole.Components.Pages;

/// <summary>
/// The live dashboard: key figures, charts, deliveries under way, recent activity and this instance's health.
/// Figures follow every change through the page's throttled refresh; the charts are redrawn with a change at most
/// every five seconds (a burst redraws them once), and parts that did not change are not re-rendered.
/// </summary>
public partial class Dashboard : LivePage
{
    private const int ActivityLength = 20;

    // Every chart render asks the browser for the chart's size (a JS call, with its timeout timer): at a thousand open
    // dashboards that was the largest cost after rendering. The figures above the charts follow every change.
    private static readonly TimeSpan s_chartInterval = TimeSpan.FromSeconds(5);

    private long _chartsDrawnAt;
    private long _clockStep = -1;
    private long _deliveriesVersion;
    private long _commentsVersion;
    private long _activityVersion;
    private IReadOnlyList<ActiveDelivery> _shownDeliveries = [];
    private IReadOnlyList<FeedbackComment> _shownComments = [];

    private CoalescingThrottle? _chartRedraw;
    private DashboardFigures _figures = DashboardFigures.Compute([], [], DateTimeOffset.UnixEpoch);
    private IReadOnlyList<MapMarker> _map = [];
    private static readonly MapMarkerKind[] s_mapLegend = [MapMarkerKind.BusyDriver];
    private IReadOnlyList<OrderEvent> _activity = [];
    private IReadOnlyList<ChartPoint> _byStatus = [];
    private IReadOnlyList<ChartPoint> _ordersPerHour = [];
    private IReadOnlyList<ChartPoint> _deliveryTimes = [];
    private bool _anyDeliveries;

    private Layout.ViewerTime? _drawnFor;
    private readonly ShownOrder _shown = new();

    [Inject] private StoreDescription Store { get; set; } = default!;

    private string ZoneName => Time.IsUtc ? "UTC" : "your time";

    [Inject] private OpenCircuits Circuits { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ILogger<Dashboard> Logger { get; set; } = default!;

    protected override Role Desk => Role.Admin;

    protected override LiveFilter Filter => LiveFilter.Everything;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _chartRedraw = new CoalescingThrottle(RedrawChartsAsync, s_chartInterval, Clock, Logger);
        Circuits.Changed += OnCircuitsChanged;
    }

    protected override void Refresh()
    {
        _figures = Live.Figures();
        _shown.Follow();
        _map = MapMarkers.ForDeliveries(_figures.ActiveDeliveries);

        var clockStep = RelativeTime.ClockStep(Clock.GetUtcNow());
        var clockMoved = clockStep != _clockStep;
        _clockStep = clockStep;
        if (clockMoved || !SameDeliveries(_shownDeliveries, _figures.ActiveDeliveries))
        {
            _shownDeliveries = _figures.ActiveDeliveries;
            _deliveriesVersion++;
        }

        // The activity list is drawn again only when its events or the clock step of their times moved on; then each
        // line (a component) redraws only if its own words changed, so a new event costs one new line.
        IReadOnlyList<OrderEvent> activity = [.. Live.RecentEvents().Take(ActivityLength)];
        if (clockMoved || !activity.SequenceEqual(_activity))
        {
            _activity = activity;
            _activityVersion++;
        }

        if (clockMoved || !_shownComments.SequenceEqual(_figures.Feedback.LatestComments))
        {
            _shownComments = _figures.Feedback.LatestComments;
            _commentsVersion++;
        }

        // The charts are drawn in the same render as the change when they are due, so a change is one render batch;
        // within the interval a redraw follows once it has passed.
        if (_chartRedraw is not null && Clock.GetElapsedTime(_chartsDrawnAt) < s_chartInterval)
        {
            _chartRedraw.Signal();
        }
        else
        {
            DrawCharts();
        }
    }

    /// <summary>The same deliveries as the table shows: the same orders (the read model replaces an order that changed) with the same drivers' names and phones.</summary>
    private static bool SameDeliveries(IReadOnlyList<ActiveDelivery> shown, IReadOnlyList<ActiveDelivery> now) =>
        shown.Count == now.Count && shown.Zip(now).All(pair =>
            ReferenceEquals(pair.First.Order, pair.Second.Order)
            && pair.First.Driver?.Name == pair.Second.Driver?.Name && pair.First.Driver?.Phone == pair.Second.Driver?.Phone);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Circuits.Changed -= OnCircuitsChanged;
            _chartRedraw?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string Percent(Ratio ratio) =>
        ratio.Rate is { } rate ? rate.ToString("0 %", CultureInfo.InvariantCulture) : "—";

    private static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => $"{Math.Max(0, (int)span.TotalMilliseconds)} ms",
        { TotalMinutes: < 1 } => span.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture),
        _ => span.TotalMinutes.ToString("0.0 'min'", CultureInfo.InvariantCulture),
    };

    private string Hour(HourFigures hour) => Time.Local(hour.Start).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The zone arrived from the browser (or changed): the hour labels and the deliveries', activity's and comments' times are redrawn on the viewer's clock.</summary>
    protected override void OnParametersSet()
    {
        if (_drawnFor is not null && _drawnFor != Time)
        {
            DrawCharts();
            _deliveriesVersion++;
            _commentsVersion++;
            _activityVersion++;
        }

        _drawnFor = Time;
    }

    private void OnCircuitsChanged() => _chartRedraw?.Signal();

    private Task RedrawChartsAsync() => InvokeAsync(() =>
    {
        // The open-circuit count (health) follows here too, so this renders even when the charts stayed the same.
        DrawCharts();
        StateHasChanged();
    });

    /// <summary>Hands the charts new point lists from the latest figures; a chart whose points read the same keeps its list, and is not redrawn.</summary>
    private void DrawCharts()
    {
        _chartsDrawnAt = Clock.GetTimestamp();

        // A draw inline counts as the trailing redraw's run, so the next redraw is a whole interval away.
        _chartRedraw?.MarkRun();
        _byStatus = Kept(_byStatus, [.. _figures.CountsByStatus.Select(count =>
            new ChartPoint(count.Status.ToDisplayName(), count.Orders, count.Orders.ToString(CultureInfo.InvariantCulture)))]);
        _ordersPerHour = Kept(_ordersPerHour, [.. _figures.Hours.Select(hour =>
            new ChartPoint(Hour(hour), hour.OrdersCreated, hour.OrdersCreated.ToString(CultureInfo.InvariantCulture)))]);
        _anyDeliveries = _figures.Hours.Any(hour => hour.Deliveries > 0);
        _deliveryTimes = Kept(_deliveryTimes, [.. _figures.Hours.Select(hour => hour.AverageDeliveryTime is { } average
            ? new ChartPoint(Hour(hour), average.TotalMinutes, $"{Duration(average)} over {hour.Deliveries} {(hour.Deliveries == 1 ? "delivery" : "deliveries")}")
            : new ChartPoint(Hour(hour), 0, "no deliveries"))]);
    }

    private void Show(Order order) => _shown.Show(order.Id, Live.Find);

    private static IReadOnlyList<ChartPoint> Kept(IReadOnlyList<ChartPoint> drawn, IReadOnlyList<ChartPoint> now) => drawn.SequenceEqual(now) ? drawn : now;
}
