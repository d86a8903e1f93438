using OrderConsole.Accounts;
using OrderConsole.Api;
using OrderConsole.Components;
using OrderConsole.Hosting;
using OrderConsole.Hubs;
using OrderConsole.Observability;
using OrderConsole.Tracking;

var workersOnly = WorkerServices.TakeWorkersOnlySwitch(ref args);
var builder = WebApplication.CreateBuilder(args);
if (workersOnly)
{
    builder.Configuration["Workers:Only"] = "true";
}

// Nothing says which server software answers.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

builder.Services.AddOrderConsole(builder.Configuration);
builder.Services.AddOrderApi(builder.Configuration);
builder.Services.AddPrometheusMetrics();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddOpenCircuits();
builder.Services.AddConsoleUi(builder.Configuration);
builder.Services.AddConsoleRateLimits();
builder.Services.AddPublicTracking();
builder.Services.AddOrdersHub(builder.Configuration);

var app = builder.Build();

app.UsePrometheusMetrics();
app.UseExceptionHandler();
app.UseStatusProblems();
app.UseSecurityHeaders();
app.UseWebSockets();
app.UseAuthentication();
app.UseAuthorization();
app.UseCookieRequestForgeryChecks();
app.UseRateLimiter();
app.UsePublicTrafficGuard();
app.UseRequestFingerprints();
app.UseOutputCache();
app.UseAntiforgery();
app.UseApiDocsAccess();
app.UseSwaggerUI(swagger =>
{
    swagger.RoutePrefix = "docs";
    swagger.SwaggerEndpoint("/openapi/v1.json", "OrderConsole API");
});
app.MapPrometheusMetrics();
app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(StoreReadiness.Tag) });
if (WorkerServices.IsWorkersOnly(app.Configuration))
{
    // A workers-only instance answers health and metrics, and nothing else.
    app.Run();
    return;
}

app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapOrderApi();
app.MapPublicTrackingApi();
app.MapTrackingPage();
app.MapOrdersHub();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The web app's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
