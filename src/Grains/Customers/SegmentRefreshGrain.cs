using Microsoft.Extensions.Options;

namespace OrderActors.Customers;

[GrainType("segment-refresh")]
public sealed class SegmentRefreshGrain(IOptions<SegmentOptions> options) : Grain, ISegmentRefreshGrain, IRemindable
{
    private const string Reminder = "refresh-segments";

    public async Task Start()
    {
        var period = options.Value.RefreshEvery < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : options.Value.RefreshEvery;
        await this.RegisterOrUpdateReminder(Reminder, period, period);
    }

    public async Task<int> RefreshAll()
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, ICustomerDirectoryGrain.Shards)
            .Select(s => GrainFactory.GetGrain<ICustomerDirectoryGrain>(s).Summaries()));
        var refreshed = 0;
        foreach (var shard in shards)
        {
            foreach (var batch in shard.Chunk(32))
            {
                await Task.WhenAll(batch.Select(c => GrainFactory.GetGrain<ICustomerGrain>(c.CustomerId).RefreshSegment()));
                refreshed += batch.Length;
            }
        }

        return refreshed;
    }

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) =>
        reminderName == Reminder ? RefreshAll() : Task.CompletedTask;
}
