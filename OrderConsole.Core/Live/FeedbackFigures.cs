using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Live;

/// <summary>
/// What customers said about their deliveries, among the orders the read model holds (every open order and the
/// recent finished ones): how many rated, the average stars, and the latest comments, newest first.
/// </summary>
public sealed record FeedbackFigures(int Ratings, double? AverageStars, IReadOnlyList<FeedbackComment> LatestComments)
{
    public const int DefaultLatest = 5;

    public static FeedbackFigures Of(IEnumerable<Order> orders, int latest = DefaultLatest)
    {
        var rated = orders.Where(order => order.Feedback is not null).ToList();
        return new FeedbackFigures(
            rated.Count,
            rated.Count == 0 ? null : Math.Round(rated.Average(order => order.Feedback!.Stars), 2),
            [.. rated
                .Where(order => order.Feedback!.Comment is not null)
                .OrderByDescending(order => order.Feedback!.GivenAt)
                .Take(latest)
                .Select(order => new FeedbackComment(order.Id, order.SupplierTrackingId, order.Feedback!.Stars, order.Feedback.Comment!, order.Feedback.GivenAt))]);
    }
}

/// <summary>One customer's comment on a delivered order, with its stars.</summary>
public sealed record FeedbackComment(Guid OrderId, string SupplierTrackingId, int Stars, string Comment, DateTimeOffset GivenAt);
