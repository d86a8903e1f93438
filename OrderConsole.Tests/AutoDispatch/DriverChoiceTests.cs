using OrderConsole.Core.AutoDispatch;
using OrderConsole.Core.Drivers;

namespace OrderConsole.Tests.AutoDispatch;

/// <summary>Whom auto-dispatch may choose for a pickup, and the words of its reasons.</summary>
public sealed class DriverChoiceTests
{
    private const double PickupLatitude = 40.0;
    private const double PickupLongitude = -74.0;

    /// <summary>A driver about <paramref name="kilometres"/> north of the pickup.</summary>
    private static Driver At(string name, double kilometres, DriverStatus status = DriverStatus.Available, bool active = true) => new()
    {
        Id = "drv-" + name.ToLowerInvariant().Replace(' ', '-'),
        Name = name,
        Status = status,
        Active = active,
        Latitude = PickupLatitude + (kilometres / 111.2),
        Longitude = PickupLongitude,
    };

    private static DriverChoice Choose(double radiusKm, params Driver[] drivers) => DriverChoice.For(drivers, PickupLatitude, PickupLongitude, radiusKm);

    [Fact]
    public void The_nearest_available_driver_comes_first()
    {
        var choice = Choose(3, At("Far Away", 2.5), At("Ana Lopez", 1.2), At("Cara Diaz", 2.0));

        Assert.Equal(["Ana Lopez", "Cara Diaz", "Far Away"], choice.Candidates.Select(candidate => candidate.Driver.Name));
        Assert.False(choice.Widened);
    }

    [Theory]
    [InlineData(DriverStatus.Busy)]
    [InlineData(DriverStatus.OnBreak)]
    [InlineData(DriverStatus.Offline)]
    public void A_driver_who_is_not_available_is_never_a_candidate(DriverStatus status)
    {
        var choice = Choose(3, At("Ben Okafor", 0.8, status), At("Ana Lopez", 1.2));

        Assert.Equal(["Ana Lopez"], choice.Candidates.Select(candidate => candidate.Driver.Name));
    }

    [Fact]
    public void A_deactivated_driver_is_never_a_candidate()
    {
        var choice = Choose(3, At("Ben Okafor", 0.8, active: false));

        Assert.Empty(choice.Candidates);
    }

    [Fact]
    public void An_available_driver_already_on_a_delivery_is_never_a_candidate()
    {
        var choice = Choose(3, At("Ben Okafor", 0.8) with { OrderId = Guid.NewGuid() });

        Assert.Empty(choice.Candidates);
    }

    [Fact]
    public void A_driver_without_a_known_position_is_never_a_candidate()
    {
        var choice = Choose(3, At("Ben Okafor", 0.8) with { Latitude = null, Longitude = null });

        Assert.Empty(choice.Candidates);
    }

    [Fact]
    public void With_nobody_inside_the_radius_it_widens_once_to_twice_as_far()
    {
        var choice = Choose(3, At("Ana Lopez", 5.0), At("Dan Moore", 7.0));

        Assert.True(choice.Widened);
        Assert.Equal(6, choice.SearchedKm);
        Assert.Equal(["Ana Lopez"], choice.Candidates.Select(candidate => candidate.Driver.Name));
    }

    [Fact]
    public void It_does_not_widen_while_someone_is_inside_the_radius()
    {
        var choice = Choose(3, At("Ana Lopez", 2.9), At("Dan Moore", 4.0));

        Assert.False(choice.Widened);
        Assert.Equal(["Ana Lopez"], choice.Candidates.Select(candidate => candidate.Driver.Name));
    }

    [Fact]
    public void Beyond_the_widened_radius_nobody_is_a_candidate()
    {
        var choice = Choose(3, At("Dan Moore", 6.5));

        Assert.Empty(choice.Candidates);
    }

    [Fact]
    public void The_reason_names_the_distance_and_the_nearer_drivers_who_could_not_come()
    {
        var choice = Choose(3, At("Ben Okafor", 0.8, DriverStatus.OnBreak), At("Ana Lopez", 1.2));

        Assert.Equal("nearest available 1.2 km; Ben Okafor 0.8 km on break", choice.ReasonFor(choice.Candidates[0], []));
    }

    [Fact]
    public void The_reason_says_when_the_radius_was_widened()
    {
        var choice = Choose(3, At("Ana Lopez", 5.0));

        Assert.Equal("nearest available 5.0 km (nobody within 3.0 km; widened to 6.0 km)", choice.ReasonFor(choice.Candidates[0], []));
    }

    [Fact]
    public void A_driver_lost_to_another_order_is_named_as_taken()
    {
        var choice = Choose(3, At("Ben Okafor", 0.8), At("Ana Lopez", 1.2));

        Assert.Equal("nearest available 1.2 km; Ben Okafor 0.8 km taken by another order", choice.ReasonFor(choice.Candidates[1], [choice.Candidates[0]]));
    }

    [Fact]
    public void Nobody_nearby_names_the_widened_radius_and_who_could_not_come()
    {
        var choice = Choose(3, At("Ben Okafor", 0.8, DriverStatus.Busy), At("Dan Moore", 9.0));

        Assert.Equal("no available driver within 6.0 km of the pickup; Ben Okafor 0.8 km busy", choice.NobodyNearby([]));
    }
}
