using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Customers;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Common;
using OrderActors.Stock;

namespace OrderActors.ApiHost.Notifications;

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications");
        api.MapGet("/", ListOperationsNotices);
        return api;
    }

    /// <summary>Notices for operations (shortages, replenishments), newest first.</summary>
    public static async Task<Results<Ok<Page<Notification>>, ProblemHttpResult>> ListOperationsNotices(int? limit, IGrainFactory grains)
    {
        if (limit is < 1 or > 1000)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["limit"] = ["From 1 to 1000."] });
        }

        var notices = await grains.GetGrain<IOperationsNoticeGrain>(0).List(limit ?? 100);
        return TypedResults.Ok(new Page<Notification>(notices, null));
    }
}
