using OrderActors.Common;
using OrderActors.Inventory;
using Orleans.Runtime;

namespace OrderActors.Tests.Inventory;

/// <summary>The inventory's lists past several pages: every SKU, transfer and count once, across reactivations.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InventoryRegistryTests(ClusterFixture fixture)
{
    private IInventoryRegistryGrain Registry => fixture.Grains.GetGrain<IInventoryRegistryGrain>(0);

    [Fact]
    public async Task Three_hundred_new_skus_arriving_together_are_each_listed_once_in_order_after_reactivation()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var skus = Enumerable.Range(0, 300).Select(i => $"REG-{run}-{i:D3}").ToList();

        await Task.WhenAll(skus.Select(Registry.AddSku));
        await fixture.DeactivateAll();
        await Task.WhenAll(skus.Take(50).Select(Registry.AddSku));
        await fixture.DeactivateAll();

        var listed = await Registry.Skus();
        Assert.Equal(skus, listed.Where(s => s.StartsWith($"REG-{run}-", StringComparison.Ordinal)));
        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task Lists_stored_by_an_earlier_build_move_into_the_logs_and_are_kept_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var transfer = new TransferRecord($"T-{run}", $"OLD-{run}", "SH", "BJ", 3, null, "w", at);
        await fixture.DeactivateAll();

        // What the registry stores now, with an earlier build's lists added to it, as that build stored them.
        var storage = fixture.Storage(StorageNames.Stock);
        var grainId = GrainId.Create("inventory-registry", "0");
        var stored = new GrainState<InventoryRegistryState>(new InventoryRegistryState());
        await storage.ReadStateAsync("inventory", grainId, stored);
        stored.State ??= new InventoryRegistryState();
        stored.State.Skus.Add($"OLD-{run}");
        stored.State.Transfers.Add(transfer);
        stored.State.Counts.Add($"CC-{run}");
        await storage.WriteStateAsync("inventory", grainId, stored);

        await Registry.AddSku($"OLD-{run}");
        await Registry.RecordTransfer(transfer);
        await Registry.RecordCount($"CC-{run}");
        await fixture.DeactivateAll();

        Assert.Single(await Registry.Skus(), s => s == $"OLD-{run}");
        Assert.Single(await Registry.Transfers(at.AddHours(-1), at.AddHours(1)), t => t.TransferId == $"T-{run}");
        Assert.Single(await Registry.Counts(), c => c == $"CC-{run}");
        var after = new GrainState<InventoryRegistryState>(new InventoryRegistryState());
        await storage.ReadStateAsync("inventory", grainId, after);
        Assert.Empty(after.State!.Skus);
        Assert.Empty(after.State.Transfers);
        Assert.Empty(after.State.Counts);
    }
}
