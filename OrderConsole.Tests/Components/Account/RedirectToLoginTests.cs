using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Components.Account;
using OrderConsole.Tests.Components.Controls;

namespace OrderConsole.Tests.Components.Account;

/// <summary>What happens to someone not signed in who opens a staff page: they are sent to sign in, and back afterwards.</summary>
public sealed class RedirectToLoginTests : ControlTestContext
{
    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    [Fact]
    public void Someone_not_signed_in_is_sent_to_the_sign_in_page_with_the_page_they_opened_as_return_address()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("orders?status=ready");

        Render<RedirectToLogin>();

        Assert.Equal("http://localhost/account/login?returnUrl=orders%3Fstatus%3Dready", Navigation.Uri);
    }

    [Fact]
    public void The_sign_in_page_is_loaded_afresh_from_the_server_not_routed_in_the_open_circuit()
    {
        Render<RedirectToLogin>();

        var last = Navigation.History.First();
        Assert.StartsWith("account/login", last.Uri, StringComparison.Ordinal);
        Assert.True(last.Options.ForceLoad);
    }
}
