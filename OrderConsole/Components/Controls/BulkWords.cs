using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;

namespace OrderConsole.Components.Controls;

/// <summary>One row's result of a bulk action, in words: "ORD-1042 cancelled", "ORD-1043 not cancelled: it is already delivered".</summary>
public sealed record BulkResultLine(Guid OrderId, string Code, bool Done, string Text);

/// <summary>Says what a bulk action did to each order, with order codes and human status names.</summary>
public static class BulkWords
{
    /// <summary>
    /// <paramref name="done"/> is what happened to an order it applied to ("cancelled", "assigned to Ana Lopez"),
    /// <paramref name="verb"/> the past participle for a refusal ("cancelled" gives "not cancelled: …").
    /// </summary>
    public static BulkResultLine Describe(BulkOutcome outcome, string code, string done, string verb) =>
        outcome.Done
            ? new BulkResultLine(outcome.OrderId, code, true, $"{code} {done}")
            : new BulkResultLine(outcome.OrderId, code, false, $"{code} not {verb}: {Why(outcome.Refusal)}");

    private static string Why(Exception? refusal) => refusal switch
    {
        IllegalTransitionException { Current: var current } when current.IsFinal() => $"it is already {current.ToDisplayName()}",
        IllegalTransitionException { Current: var current } => $"it is {current.ToDisplayName()}",
        OrderConflictException conflict when RefusalWords.DescribeUnavailableDriver(conflict) is { } unavailable => unavailable,
        OrderConflictException => "it changed meanwhile; look at it again",
        ForbiddenOrderActionException => "you may not change it",
        OrderNotFoundException => "it no longer exists",
        StoreUnavailableException { OutcomeUnknown: true } => "the store did not answer, so whether it changed is unknown; look at it again",
        StoreUnavailableException => "the store could not be reached; try again",
        { Message: var message } => message,
        null => "no reason was given",
    };
}
