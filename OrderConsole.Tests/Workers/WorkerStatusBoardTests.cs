using OrderConsole.Core.Workers;

namespace OrderConsole.Tests.Workers;

/// <summary>The board every dashboard reads its workers from: one shared list per change, always the latest.</summary>
public sealed class WorkerStatusBoardTests
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Pages_asking_between_two_changes_share_one_list()
    {
        var board = new WorkerStatusBoard();
        board.Register("stock");

        Assert.Same(board.Current, board.Current);
    }

    [Fact]
    public void A_change_is_in_the_next_list()
    {
        var board = new WorkerStatusBoard();
        board.Register("stock");
        var before = board.Current;

        board.RecordHandled("stock", s_at);

        Assert.Equal((0, 1), (before.Single().Handled, board.Current.Single().Handled));
    }

    [Fact]
    public void Workers_are_listed_by_name()
    {
        var board = new WorkerStatusBoard();
        board.Register("webhooks");
        board.Register("pricing");
        board.Register("stock");

        Assert.Equal(["pricing", "stock", "webhooks"], board.Current.Select(status => status.Name));
    }
}
