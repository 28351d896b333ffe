using Microsoft.Extensions.Logging;
using OrderActors.Common;

namespace OrderActors.Customers;

/// <summary>
/// The review flag lent to silos' placement caches (<see cref="ReadLeases"/>); <see cref="Upsert"/> revokes the leases
/// before the flag changes.
/// </summary>
public sealed partial class CustomerGrain
{
    private ReadLeaseGrants? _leases;

    public Task<Leased<bool?>> LeaseReviewFlag(IReadLeaseHolder? holder) => Task.FromResult(State.Profile is { } profile
        ? new Leased<bool?>(profile.RequiresReview, _leases!.Lend(holder))
        : new Leased<bool?>(null, TimeSpan.Zero));

    /// <summary>A customer leaving while it lends its flag ends the leases first, so its next activation need not wait.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_leases is { } leases && await leases.Leave(this.GetGrainId(), Write) is { } failure)
        {
            LogClosingFailed(logger, failure, CustomerId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer {CustomerId}: storing a closed lending window on deactivation failed; its next activation waits for the open one")]
    private static partial void LogClosingFailed(ILogger logger, Exception exception, string customerId);
}
