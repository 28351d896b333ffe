using OrderActors.Common;
using Orleans.Runtime;

namespace OrderActors.Tests.Common;

public sealed class UnwrittenGrainsTests
{
    private static readonly GrainId Order = GrainId.Create("order", "O-1");

    [Fact]
    public async Task A_grain_is_unwritten_only_while_the_call_that_creates_it_runs()
    {
        var unwritten = new UnwrittenGrains();

        var during = await unwritten.While(Order, () => Task.FromResult(unwritten.Contains(Order)));

        Assert.True(during);
        Assert.False(unwritten.Contains(Order));
    }

    [Fact]
    public async Task A_failed_call_leaves_nothing_behind()
    {
        var unwritten = new UnwrittenGrains();

        await Assert.ThrowsAsync<InvalidOperationException>(() => unwritten.While<int>(Order, () => throw new InvalidOperationException()));

        Assert.False(unwritten.Contains(Order));
    }

    [Fact]
    public async Task Its_first_write_makes_a_grain_read_from_storage_again_even_while_the_call_runs()
    {
        var unwritten = new UnwrittenGrains();

        var afterWrite = await unwritten.While(Order, () =>
        {
            unwritten.Written(Order);
            return Task.FromResult(unwritten.Contains(Order));
        });

        Assert.False(afterWrite);
        Assert.False(unwritten.Contains(GrainId.Create("order", "O-2")));
    }
}
