namespace OrderConsole.Tracking;

/// <summary>Puts <see cref="PublicTrafficGuard"/> in front of <c>/api/track</c> and <c>/track</c>.</summary>
public static class PublicTrafficGuardMiddleware
{
    public static IApplicationBuilder UsePublicTrafficGuard(this IApplicationBuilder app)
    {
        var guard = app.ApplicationServices.GetRequiredService<PublicTrafficGuard>();
        return app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api/track", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/track", StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(next => context => guard.GuardAsync(context, next)));
    }
}
