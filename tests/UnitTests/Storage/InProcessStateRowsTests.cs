using OrderActors.Silo.Storage;

namespace OrderActors.Tests.Storage;

/// <summary>
/// The embedded mode's rows of grain state keep PostgreSQL's rules (GrainStorageTests in the durable tests): a
/// write lands only at the version its writer read, a cleared row keeps counting, and of writers racing from one
/// version exactly one wins.
/// </summary>
public sealed class InProcessStateRowsTests
{
    private readonly InProcessStateRows _rows = new();

    [Fact]
    public async Task A_write_against_a_version_the_row_has_left_changes_nothing()
    {
        Assert.Equal(1, await _rows.Write("sku/TEA", "stock", [1], null));
        Assert.Equal(2, await _rows.Write("sku/TEA", "stock", [2], 1));

        // A stale activation (it read version 1) and a second activation that never read the row.
        Assert.Null(await _rows.Write("sku/TEA", "stock", [9], 1));
        Assert.Null(await _rows.Write("sku/TEA", "stock", [8], null));

        var row = await _rows.Read("sku/TEA", "stock");
        Assert.Equal((byte[])[2], row!.Payload);
        Assert.Equal(2, row.Version);
        Assert.Null(await _rows.Read("sku/TEA", "reservations"));
    }

    [Fact]
    public async Task Clearing_keeps_the_row_so_the_version_keeps_counting()
    {
        Assert.Equal(1, await _rows.Write("order/O-1", "order", [1], null));
        Assert.Equal(2, await _rows.Write("order/O-1", "order", null, 1));

        var cleared = await _rows.Read("order/O-1", "order");

        Assert.Equal(2, cleared!.Version);
        Assert.Null(cleared.Payload);
        Assert.Null(await _rows.Write("order/O-1", "order", [3], null));
        Assert.Equal(3, await _rows.Write("order/O-1", "order", [3], 2));
    }

    [Fact]
    public async Task Of_writers_racing_from_one_version_exactly_one_wins_and_the_row_holds_its_payload()
    {
        for (var i = 0; i < 200; i++)
        {
            var id = $"customer/C-{i}";
            await _rows.Write(id, "customer", [0], null);
            var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(w => Task.Run(() => _rows.Write(id, "customer", [(byte)w], 1))));

            var winners = results.Select((v, w) => (Version: v, Writer: (byte)(w + 1))).Where(r => r.Version is not null).ToList();
            var winner = Assert.Single(winners);
            Assert.Equal(2, winner.Version);
            Assert.Equal((byte[])[winner.Writer], (await _rows.Read(id, "customer"))!.Payload);
        }
    }
}
