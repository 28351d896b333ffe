using OrderActors.Common;
using OrderActors.Customers;
using Orleans.Runtime;

namespace OrderActors.Tests.Customers;

/// <summary>
/// A directory shard keeps its segment moves as a paged log: however many there are, what the shard writes with each
/// flush holds at most a page of them, a time range reads only the pages that overlap it, and none is dropped.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerDirectoryTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(1999, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Moves_past_several_pages_are_listed_by_time_and_the_shard_stores_only_its_open_page()
    {
        // A shard of its own (real shards are 0-63 and shared with every other test).
        var directory = fixture.Grains.GetGrain<ICustomerDirectoryGrain>(Random.Shared.NextInt64(1_000_000, long.MaxValue));
        var moves = Enumerable.Range(0, 300).Select(i => Move(i, T0.AddMinutes(i))).ToList();
        // A move that arrives late with an early time lands on a late page: ranges still find it (in arrival order).
        moves[290] = Move(290, T0.AddMinutes(5).AddSeconds(30)) with { CustomerId = "dm-late" };
        foreach (var move in moves)
        {
            await directory.Update(Summary(move.CustomerId, move.At), move);
        }

        await Deactivate(directory);

        var stored = await Stored(directory);
        Assert.Equal(4, stored.MoveLog.SealedPages);
        Assert.Equal(300 - (4 * PagedLog<SegmentMove>.PageSize), stored.MoveLog.Open.Count);
        Assert.Equal(4, stored.MovePages.Count);
        Assert.Null(stored.EarlierMoves);

        Assert.Equal(moves, await directory.Moves(T0, T0.AddDays(1)));
        Assert.Equal(moves.Where(m => m.At >= T0.AddMinutes(100) && m.At <= T0.AddMinutes(199)), await directory.Moves(T0.AddMinutes(100), T0.AddMinutes(199)));
        Assert.Equal([moves[5], moves[6], moves[290]], await directory.Moves(T0.AddMinutes(5), T0.AddMinutes(6)));
        Assert.Empty(await directory.Moves(T0.AddDays(2), T0.AddDays(3)));
    }

    [Fact]
    public async Task A_shard_stored_by_an_earlier_build_keeps_its_moves_and_pages_them_at_its_next_flush()
    {
        var directory = fixture.Grains.GetGrain<ICustomerDirectoryGrain>(Random.Shared.NextInt64(1_000_000, long.MaxValue));
        var earlier = Enumerable.Range(0, 150).Select(i => Move(i, T0.AddMinutes(i))).ToList();

        // As builds before the paged log stored it: every move in the shard's own row.
        var state = new GrainState<CustomerDirectoryState>(new CustomerDirectoryState { EarlierMoves = earlier });
        state.State!.Customers["early"] = Summary("early", T0);
        await fixture.Storage(StorageNames.Customers).WriteStateAsync("directory", directory.GetGrainId(), state);

        Assert.Equal(earlier, await directory.Moves(T0, T0.AddDays(1)));
        var later = Move(150, T0.AddDays(1));
        await directory.Update(Summary(later.CustomerId, later.At), later);
        await Deactivate(directory);

        var stored = await Stored(directory);
        Assert.Null(stored.EarlierMoves);
        Assert.Equal(2, stored.MoveLog.SealedPages);
        Assert.Equal(151 - (2 * PagedLog<SegmentMove>.PageSize), stored.MoveLog.Open.Count);
        Assert.Contains("early", stored.Customers.Keys);
        Assert.Equal([.. earlier, later], await directory.Moves(T0, T0.AddDays(2)));
    }

    private static SegmentMove Move(int i, DateTimeOffset at) => new($"dm-{i % 40}", "new", i % 2 == 0 ? "active" : "loyal", at);

    private static CustomerSummary Summary(string customerId, DateTimeOffset at) => new(customerId, customerId, "active", CustomerStats.None, at);

    private async Task Deactivate(ICustomerDirectoryGrain directory)
    {
        await fixture.Cluster.DeactivateAsync(directory);
        await fixture.Cluster.WaitForDeactivationAsync(directory);
    }

    private async Task<CustomerDirectoryState> Stored(ICustomerDirectoryGrain directory)
    {
        var stored = new GrainState<CustomerDirectoryState>(new CustomerDirectoryState());
        await fixture.Storage(StorageNames.Customers).ReadStateAsync("directory", directory.GetGrainId(), stored);
        return stored.State!;
    }
}
