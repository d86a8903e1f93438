using OrderConsole.Accounts;
using OrderConsole.Api;
using OrderConsole.Components;
using OrderConsole.Hosting;
using OrderConsole.Observability;
using OrderConsole.Tracking;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOrderConsole(builder.Configuration);
builder.Services.AddOrderApi(builder.Configuration);
builder.Services.AddPrometheusMetrics(builder.Configuration);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddOpenCircuits();
builder.Services.AddConsoleUi(builder.Configuration);
builder.Services.AddConsoleRateLimits();
builder.Services.AddPublicTracking();

var app = builder.Build();

app.UseExceptionHandler();
app.UseWebSockets();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();
app.UseAntiforgery();
app.UseSwaggerUI(swagger =>
{
    swagger.RoutePrefix = "docs";
    swagger.SwaggerEndpoint("/openapi/v1.json", "OrderConsole API");
});
app.MapStaticAssets();
app.MapPrometheusMetrics();
app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(StoreReadiness.Tag) });
app.MapAccountEndpoints();
app.MapOrderApi();
app.MapPublicTrackingApi();
app.MapTrackingPage();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The web app's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
