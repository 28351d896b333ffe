using Microsoft.Extensions.Configuration;
using OrderActors.Silo.Streaming;

namespace OrderActors.Tests.Streams;

public sealed class StreamDeliveryTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void Batches_are_retried_until_delivered_unless_a_limit_is_configured()
    {
        // Orleans' own default (one minute) drops a batch whose report shard is unreachable that long.
        Assert.Equal(Timeout.InfiniteTimeSpan, StreamDelivery.MaxDeliveryTime(Settings()));
        Assert.Equal(TimeSpan.FromMinutes(10), StreamDelivery.MaxDeliveryTime(Settings(("Streams:MaxDeliveryTime", "00:10:00"))));
    }

    [Fact]
    public void Retries_start_within_a_second_and_never_wait_more_than_six_seconds()
    {
        var backoff = new StreamDelivery.Backoff();
        for (var round = 0; round < 200; round++)
        {
            Assert.InRange(backoff.Next(0), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(600));
            foreach (var attempt in new[] { 3, 10, 40, int.MaxValue })
            {
                Assert.InRange(backoff.Next(attempt), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6));
            }
        }
    }
}
