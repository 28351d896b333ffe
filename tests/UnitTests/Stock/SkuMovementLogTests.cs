using OrderActors.Inventory;
using OrderActors.Stock;

namespace OrderActors.Tests.Stock;

public sealed class SkuMovementLogTests
{
    private static readonly DateTimeOffset November = new(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December = new(2026, 12, 1, 0, 1, 0, TimeSpan.Zero);

    [Fact]
    public void The_unpublished_movements_of_every_month_come_oldest_first_even_when_the_clock_stepped_back_over_a_month_end()
    {
        var log = new SkuMovementLog();
        // Sequences 1-3 in November, 4-5 in December, then 6 in November again (the clock stepped back), 7 in December.
        foreach (var (sequence, at) in new[] { (1, November), (2, November), (3, November), (4, December), (5, December), (6, November), (7, December) })
        {
            log.Add(Movement(sequence, at));
        }

        log.PublishedThrough = 2;
        Assert.Equal([3, 4, 5, 6, 7], log.Unpublished().Select(SkuMovementLog.SequenceOf));

        log.PublishedThrough = 5;
        Assert.Equal([6, 7], log.Unpublished().Select(SkuMovementLog.SequenceOf));

        log.PublishedThrough = 7;
        Assert.Empty(log.Unpublished());
    }

    private static StockMovement Movement(int sequence, DateTimeOffset at) =>
        new($"TEA-1:{sequence}", "TEA-1", "main", MovementKind.Reservation, 0, 1, at, "api-key:web", $"O-{sequence}");
}
