using Microsoft.Extensions.Time.Testing;
using OrderActors.Orders;

namespace OrderActors.Tests.Api;

public sealed class OrderIdsTests
{
    [Fact]
    public void Ids_are_26_crockford_characters_sorting_by_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 15, 0, TimeSpan.Zero));
        var first = OrderIds.New(time);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = OrderIds.New(time);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", first);
        Assert.True(string.CompareOrdinal(first, second) < 0);
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_differ()
    {
        var time = new FakeTimeProvider();
        var ids = Enumerable.Range(0, 1000).Select(_ => OrderIds.New(time)).ToHashSet();
        Assert.Equal(1000, ids.Count);
    }

    [Fact]
    public void Ids_made_on_many_threads_at_once_differ()
    {
        var time = new FakeTimeProvider();
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 1000; i++)
            {
                ids.Add(OrderIds.New(time));
            }
        });

        Assert.Equal(8000, ids.Distinct().Count());
    }
}
