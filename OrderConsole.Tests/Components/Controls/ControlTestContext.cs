using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using OrderConsole.Components.Controls;
using OrderConsole.Components.Layout;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>
/// A bUnit context for one control on its own: the services controls use (the clock as a <see cref="FakeTimeProvider"/>,
/// money in dollars, MudBlazor's services), and a way to render a control as if the layout had told it the viewer's zone.
/// </summary>
public abstract class ControlTestContext : BunitContext, IAsyncLifetime
{
    protected ControlTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(new MoneyFormat(Currency));
        Services.AddSingleton(new OrderConsole.Hosting.MapSettings(TileUrl: string.Empty, Attribution: string.Empty));
    }

    /// <summary>Twelve noon UTC on 1 March 2025, when every control test starts.</summary>
    protected static DateTimeOffset Start { get; } = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The configured currency; a test class may choose another.</summary>
    protected virtual string? Currency => null;

    /// <summary>Rome's time zone: one hour ahead of UTC on 1 March.</summary>
    protected static ViewerTime Rome { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor has services that are only IAsyncDisposable, so the context is disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Renders <typeparamref name="TControl"/> inside the viewer's time zone, as the layout cascades it.</summary>
    protected IRenderedComponent<TControl> RenderFor<TControl>(ViewerTime viewer, Action<ComponentParameterCollectionBuilder<TControl>> parameters)
        where TControl : IComponent =>
        Render<CascadingValue<ViewerTime>>(cascade => cascade
                .Add(value => value.Value, viewer)
                .AddChildContent(parameters))
            .FindComponent<TControl>();
}
