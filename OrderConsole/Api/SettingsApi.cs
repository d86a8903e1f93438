using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Settings;

namespace OrderConsole.Api;

/// <summary>
/// <c>GET/PUT /api/settings</c> (admins): the currency, default markup, late threshold, time zone and auto-dispatch switch and radius in force.
/// Configuration gives them until the first save; a save appends <c>settings.updated</c>, so every console follows.
/// </summary>
public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapGroup("/api/settings").RequireStaff().WithTags("Settings");
        settings.MapGet("/", GetSettings)
            .WithName("GetSettings").WithSummary("The settings in force, and whether they were saved or come from configuration");
        settings.MapPut("/", PutSettings)
            .WithName("PutSettings").WithSummary("Saves the settings; a field left out keeps its value")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    public static Ok<SettingsView> GetSettings(CurrentSettings current, LiveOrders live) =>
        TypedResults.Ok(SettingsView.Of(current.Value, saved: live.SavedSettings() is not null));

    public static async Task<Ok<SettingsView>> PutSettings(
        SettingsRequest request, ClaimsPrincipal user, CurrentSettings current, OrderService orders, CancellationToken cancellationToken)
    {
        var now = current.Value;
        var saved = await orders.SaveSettingsAsync(ApiActors.AtOneOf(user, Role.Admin), new ConsoleSettings
        {
            Currency = request.Currency ?? now.Currency,
            DefaultMarkupPercentage = request.DefaultMarkupPercentage ?? now.DefaultMarkupPercentage,
            LateThresholdMinutes = request.LateThresholdMinutes ?? now.LateThresholdMinutes,
            TimeZone = request.TimeZone ?? now.TimeZone,
            AutoDispatch = request.AutoDispatch ?? now.AutoDispatch,
            AutoDispatchRadiusKm = request.AutoDispatchRadiusKm ?? now.AutoDispatchRadiusKm,
        }, cancellationToken);
        return TypedResults.Ok(SettingsView.Of(saved, saved: true));
    }
}

/// <summary>A settings change; every field is optional and a missing one keeps its value.</summary>
public sealed record SettingsRequest(
    string? Currency, decimal? DefaultMarkupPercentage, int? LateThresholdMinutes, string? TimeZone, bool? AutoDispatch = null, double? AutoDispatchRadiusKm = null);

/// <summary>The settings in force; <see cref="Saved"/> is false while they still come from configuration.</summary>
public sealed record SettingsView(
    string Currency, decimal DefaultMarkupPercentage, int LateThresholdMinutes, string TimeZone, bool Saved, DateTimeOffset? UpdatedAt, string? UpdatedBy,
    bool AutoDispatch, double AutoDispatchRadiusKm)
{
    public static SettingsView Of(ConsoleSettings settings, bool saved) => new(
        settings.Currency, settings.DefaultMarkupPercentage, settings.LateThresholdMinutes, settings.TimeZone, saved, settings.UpdatedAt, settings.UpdatedBy,
        settings.AutoDispatch, settings.AutoDispatchRadiusKm);
}
