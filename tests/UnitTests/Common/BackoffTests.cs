using OrderActors.Common;

namespace OrderActors.Tests.Common;

public sealed class BackoffTests
{
    [Fact]
    public void The_waits_double_from_the_first_up_to_the_longest_and_start_again_after_a_reset()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalSeconds));

        backoff.Reset();
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }
}
