using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Accounts;
using OrderConsole.Core.Users;
using OrderConsole.Hosting;

namespace OrderConsole.Tests.Components.Account;

/// <summary>
/// The accounts context plus what the server-rendered sign-in pages run on: Identity's sign-in manager with the
/// console's cookie scheme, over one request (<see cref="Request"/>) that the pages receive as their cascading
/// <see cref="HttpContext"/> and whose response carries the sign-in cookie and status code.
/// </summary>
public abstract class SignInTestContext : AccountsTestContext
{
    protected SignInTestContext()
    {
        Request = new DefaultHttpContext { RequestServices = Services };
        Services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor { HttpContext = Request });
        new IdentityBuilder(typeof(ConsoleUser), Services).AddSignInManager();
        Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        Services.AddScoped<PasswordCheck>();
        Services.AddSingleton(new DemoAccess(DemoAccess.DefaultPassword));
    }

    /// <summary>The request the page is rendered for.</summary>
    protected DefaultHttpContext Request { get; }

    /// <summary>Where the page sent the browser last, or null if it stayed.</summary>
    protected string? NavigatedTo => Services.GetRequiredService<BunitNavigationManager>().History.FirstOrDefault()?.Uri;

    /// <summary>Whether the response signs someone in: it sets Identity's application cookie.</summary>
    protected bool SetsSignInCookie =>
        Request.Response.Headers.SetCookie.Any(cookie => cookie?.StartsWith($".AspNetCore.{IdentityConstants.ApplicationScheme}=", StringComparison.Ordinal) == true);

    /// <summary>Renders the server-rendered page <typeparamref name="TPage"/> for <see cref="Request"/>.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>()
        where TPage : IComponent =>
        Render<CascadingValue<HttpContext>>(cascade => cascade
                .Add(value => value.Value, Request)
                .AddChildContent<TPage>())
            .FindComponent<TPage>();

    /// <summary>Sends the page's form as a person pressing its submit button does.</summary>
    protected static Task SubmitAsync<TPage>(IRenderedComponent<TPage> page)
        where TPage : IComponent =>
        page.Find("form").SubmitAsync();

    /// <summary>The messages shown in the field box labelled <paramref name="label"/> (validation and refusals alike).</summary>
    protected static IReadOnlyList<string> MessagesBeside<TPage>(IRenderedComponent<TPage> page, string label)
        where TPage : IComponent
    {
        var box = page.FindAll("label").Single(element => element.TextContent.Trim() == label).ParentElement!;
        return [.. box.QuerySelectorAll(".field-error, .validation-message").Select(message => message.TextContent.Trim()).Where(text => text.Length > 0)];
    }
}
