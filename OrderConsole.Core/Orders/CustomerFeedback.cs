namespace OrderConsole.Core.Orders;

/// <summary>How the customer rated a delivered order: one to five stars and an optional comment, given once.</summary>
public sealed record CustomerFeedback(int Stars, string? Comment, DateTimeOffset GivenAt)
{
    public const int MinStars = 1;
    public const int MaxStars = 5;
    public const int MaxCommentLength = 500;

    /// <summary>Feedback as the customer gave it: stars 1–5, the comment trimmed (none when blank) and at most 500 characters.</summary>
    public static CustomerFeedback Of(int? stars, string? comment, DateTimeOffset at)
    {
        if (stars is not { } given || given is < MinStars or > MaxStars)
        {
            throw new OrderValidationException("stars", $"choose a rating from {MinStars} to {MaxStars} stars");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > MaxCommentLength })
        {
            throw new OrderValidationException("comment", $"keep the comment to {MaxCommentLength} characters; it has {text.Length}");
        }

        return new CustomerFeedback(given, text, at);
    }
}
