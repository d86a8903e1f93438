using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Sla;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Sla;

/// <summary>How the SLA watcher predicts an open order's arrival: what is left of its stages plus the drives, at the assumed speed.</summary>
public sealed class ArrivalPredictorTests
{
    private static readonly DateTimeOffset s_now = Samples.At;

    // Preparing 10 min, handover 5 min, 30 km/h, 8 min from pickup to door when a position is unknown.
    private static readonly SlaOptions s_options = new() { PreparationMinutes = 10, HandoverMinutes = 5, DriverSpeedKmh = 30, DeliveryTravelMinutes = 8 };

    private static readonly Supplier s_pickup = Samples.Luigis with { Latitude = 45.0, Longitude = 9.0 };

    [Fact]
    public void An_accepted_order_has_all_of_preparing_the_handover_and_the_drive_ahead()
    {
        var order = Samples.InStatus(OrderStatus.CustomerAccepted);

        var predicted = ArrivalPredictor.Predict(order, supplier: null, driver: null, s_now, s_options);

        Assert.Equal(s_now.AddMinutes(10 + 5 + 8), predicted);
    }

    [Fact]
    public void A_preparing_order_has_only_what_is_left_of_preparing()
    {
        var order = Samples.InStatus(OrderStatus.Preparing) with { PreparingAt = s_now.AddMinutes(-4) };

        var predicted = ArrivalPredictor.Predict(order, supplier: null, driver: null, s_now, s_options);

        Assert.Equal(s_now.AddMinutes(6 + 5 + 8), predicted);
    }

    [Fact]
    public void Preparing_that_runs_over_counts_as_done_not_as_negative_time()
    {
        var order = Samples.InStatus(OrderStatus.Preparing) with { PreparingAt = s_now.AddMinutes(-25) };

        var predicted = ArrivalPredictor.Predict(order, supplier: null, driver: null, s_now, s_options);

        Assert.Equal(s_now.AddMinutes(5 + 8), predicted);
    }

    [Fact]
    public void The_drive_from_pickup_to_door_follows_the_distance_when_both_places_are_known()
    {
        // 0.1° of latitude is 11.12 km: 22.2 min at 30 km/h.
        var order = Samples.InStatus(OrderStatus.Ready) with { DeliveryLatitude = 45.1, DeliveryLongitude = 9.0 };

        var predicted = ArrivalPredictor.Predict(order, s_pickup, driver: null, s_now, s_options);

        AssertNear(s_now.AddMinutes(5).Add(DriveOf(45.0, 9.0, 45.1, 9.0)), predicted);
    }

    [Fact]
    public void A_dispatched_order_adds_the_drivers_drive_to_the_pickup()
    {
        var order = Samples.InStatus(OrderStatus.Dispatched, driverId: "drv-ana");
        var driver = Samples.Ana with { Latitude = 45.05, Longitude = 9.0 };

        var predicted = ArrivalPredictor.Predict(order, s_pickup, driver, s_now, s_options);

        AssertNear(s_now.Add(DriveOf(45.05, 9.0, 45.0, 9.0)).AddMinutes(8), predicted);
    }

    [Fact]
    public void An_order_in_transit_is_as_far_as_its_driver_is_from_the_door()
    {
        var order = Samples.InStatus(OrderStatus.InTransit, driverId: "drv-ana") with { DeliveryLatitude = 45.1, DeliveryLongitude = 9.1 };
        var driver = Samples.Ana with { Latitude = 45.1, Longitude = 9.0 };

        var predicted = ArrivalPredictor.Predict(order, s_pickup, driver, s_now, s_options);

        AssertNear(s_now.Add(DriveOf(45.1, 9.0, 45.1, 9.1)), predicted);
    }

    [Fact]
    public void In_transit_with_no_position_what_is_left_of_the_usual_drive_remains()
    {
        var order = Samples.InStatus(OrderStatus.InTransit, driverId: "drv-ana") with { InTransitAt = s_now.AddMinutes(-3) };

        var predicted = ArrivalPredictor.Predict(order, supplier: null, Samples.Ana with { Latitude = null, Longitude = null }, s_now, s_options);

        Assert.Equal(s_now.AddMinutes(5), predicted);
    }

    [Theory]
    [InlineData(OrderStatus.PendingSupplier)]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.SupplierRejected)]
    public void An_order_not_on_its_way_has_no_prediction(OrderStatus status)
    {
        Assert.Null(ArrivalPredictor.Predict(Samples.InStatus(status), s_pickup, driver: null, s_now, s_options));
    }

    private static TimeSpan DriveOf(double lat1, double lon1, double lat2, double lon2) =>
        TimeSpan.FromHours(DriverDistance.Between(lat1, lon1, lat2, lon2) / s_options.DriverSpeedKmh);

    private static void AssertNear(DateTimeOffset expected, DateTimeOffset? actual)
    {
        Assert.NotNull(actual);
        Assert.InRange((actual.Value - expected).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }
}
