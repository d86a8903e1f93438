using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Components.Controls;

namespace OrderConsole.Tests.Components;

/// <summary>Renders one control with bUnit (and the services controls use) and returns the HTML a browser receives.</summary>
internal static class ControlRenderer
{
    public static async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var context = new BunitContext();
        context.Services.AddSingleton(new MoneyFormat(null));
        var rendered = context.Render(builder =>
        {
            builder.OpenComponent<TComponent>(0);
            foreach (var (name, value) in parameters)
            {
                builder.AddComponentParameter(1, name, value);
            }

            builder.CloseComponent();
        });
        return rendered.Markup;
    }
}
