using OrderConsole.Core.Live;

namespace OrderConsole.Tests.Live;

/// <summary>Views kept per order version: served only for exactly the version (and driver update) they were built from.</summary>
public sealed class VersionedViewsTests
{
    private static readonly Guid s_order = Guid.NewGuid();
    private static readonly DateTimeOffset s_moved = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_kept_view_is_found_at_its_version()
    {
        var views = new VersionedViews<string>();

        views.Keep(s_order, 3, null, "at 3");

        Assert.Equal("at 3", views.Find(s_order, 3));
    }

    [Fact]
    public void A_view_of_an_older_version_is_not_served_for_a_newer_one()
    {
        var views = new VersionedViews<string>();

        views.Keep(s_order, 3, null, "at 3");

        Assert.Null(views.Find(s_order, 4));
    }

    [Fact]
    public void A_view_built_before_the_driver_moved_is_not_served_after()
    {
        var views = new VersionedViews<string>();

        views.Keep(s_order, 7, s_moved, "before the move");

        Assert.Null(views.Find(s_order, 7, s_moved.AddSeconds(5)));
    }

    [Fact]
    public void Past_its_capacity_the_cache_starts_afresh()
    {
        var views = new VersionedViews<string>(capacity: 2);
        var other = Guid.NewGuid();
        views.Keep(s_order, 1, null, "first");
        views.Keep(other, 1, null, "second");

        views.Keep(Guid.NewGuid(), 1, null, "third");

        Assert.Null(views.Find(s_order, 1));
    }
}
