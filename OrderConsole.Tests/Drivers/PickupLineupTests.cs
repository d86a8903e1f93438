using OrderConsole.Core.Drivers;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Drivers;

/// <summary>The dispatch desk's view of the drivers for one pickup: distances, order, and the suggestion.</summary>
public sealed class PickupLineupTests
{
    // A kitchen in lower Manhattan, with drivers at known places around it.
    private const double PickupLatitude = 40.7191;
    private const double PickupLongitude = -73.9973;

    private static readonly Driver s_near = Samples.Ana with { Latitude = 40.7206, Longitude = -73.9961 };
    private static readonly Driver s_far = Samples.Ben with { Latitude = 40.7580, Longitude = -73.9855 };
    private static readonly Driver s_unplaced = new() { Id = "drv-cam", Name = "Cam Ito" };

    [Fact]
    public void Drivers_are_listed_nearest_to_the_pickup_first_with_their_distance()
    {
        var lineup = PickupLineup.For([s_far, s_near], PickupLatitude, PickupLongitude);

        Assert.Equal([s_near.Id, s_far.Id], lineup.Drivers.Select(entry => entry.Driver.Id));
        Assert.Equal(DriverDistance.Between(PickupLatitude, PickupLongitude, 40.7580, -73.9855), lineup.Drivers[1].Kilometres);
    }

    [Fact]
    public void The_nearest_available_driver_is_suggested_with_their_distance()
    {
        var lineup = PickupLineup.For([s_far, s_near], PickupLatitude, PickupLongitude);

        Assert.Equal(s_near.Id, lineup.Suggested?.Driver.Id);
        Assert.Equal(lineup.Drivers[0].Kilometres, lineup.Suggested?.Kilometres);
    }

    [Fact]
    public void A_busy_driver_is_listed_but_never_suggested_even_when_nearest()
    {
        var lineup = PickupLineup.For([s_far, s_near with { Status = DriverStatus.Busy }], PickupLatitude, PickupLongitude);

        Assert.Equal(s_near.Id, lineup.Drivers[0].Driver.Id);
        Assert.Equal(s_far.Id, lineup.Suggested?.Driver.Id);
    }

    [Fact]
    public void A_driver_without_a_position_is_listed_last_without_a_distance()
    {
        var lineup = PickupLineup.For([s_unplaced, s_far, s_near], PickupLatitude, PickupLongitude);

        Assert.Equal(s_unplaced.Id, lineup.Drivers[^1].Driver.Id);
        Assert.Null(lineup.Drivers[^1].Kilometres);
    }

    [Fact]
    public void Without_a_pickup_location_nobody_is_measured_or_suggested()
    {
        var lineup = PickupLineup.For([s_far, s_near], pickupLatitude: null, pickupLongitude: null);

        Assert.All(lineup.Drivers, entry => Assert.Null(entry.Kilometres));
        Assert.Equal([s_near.Name, s_far.Name], lineup.Drivers.Select(entry => entry.Driver.Name));
        Assert.Null(lineup.Suggested);
    }

    [Fact]
    public void Nobody_is_suggested_when_no_driver_with_a_position_is_available()
    {
        var lineup = PickupLineup.For([s_near with { Status = DriverStatus.OnBreak }, s_unplaced], PickupLatitude, PickupLongitude);

        Assert.Null(lineup.Suggested);
    }
}
