using Bunit;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Workers;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The dashboard's worker panel in bUnit: each worker's lag, pending entries, dead letters and last error, live.</summary>
public sealed class DashboardWorkerPanelTests : ConsoleTestContext
{
    [Fact]
    public void Each_worker_shows_its_lag_pending_entries_dead_letters_and_last_error_in_words()
    {
        Workers.Register("webhooks");
        Workers.RecordBacklog("webhooks", new WorkerBacklog(Lag: 3, Pending: 2, DeadLetters: 1), Start);
        Workers.RecordError("webhooks", "the receiver answered 500 Internal Server Error", Start.AddMinutes(-2), attempt: true);
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();

        var row = Assert.Single(page.RowsWith("Webhooks")).Text();
        Assert.Equal("Webhooks 3 events 2 events 1 event the receiver answered 500 Internal Server Error 11:58:00 UTC, 2 min ago", row);
    }

    [Fact]
    public void An_instance_running_no_workers_says_the_workers_shown_run_elsewhere()
    {
        WorkerOptions.Enabled = false;
        Workers.RecordBacklog("webhooks", new WorkerBacklog(Lag: 0, Pending: 0, DeadLetters: 0), Start);
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();

        Assert.Contains("These workers run on other instances; the last error shown is each one's newest dead letter.", page.Markup, StringComparison.Ordinal);
        Assert.Single(page.RowsWith("Webhooks"));
    }

    [Fact]
    public void An_instance_running_its_workers_does_not_say_they_run_elsewhere()
    {
        Workers.Register("webhooks");
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();

        Assert.DoesNotContain("run on other instances", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_with_no_error_says_so()
    {
        Workers.Register("sla");
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();

        Assert.Equal("SLA watcher — 0 events 0 events none", Assert.Single(page.RowsWith("SLA watcher")).Text());
    }

    [Fact]
    public void The_figures_follow_the_workers_live()
    {
        Workers.Register("webhooks");
        SignIn("admin", Role.Admin);
        var page = Render<Dashboard>();

        Workers.RecordBacklog("webhooks", new WorkerBacklog(Lag: 42, Pending: 0, DeadLetters: 0), Start);
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Contains("42 events", Assert.Single(page.RowsWith("Webhooks")).TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void An_instance_running_no_workers_says_another_does_their_work()
    {
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();

        Assert.Contains("This instance runs no workers", page.Markup, StringComparison.Ordinal);
    }
}
