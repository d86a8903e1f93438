using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Components.Account;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Components.Pages;

namespace OrderConsole.Tests.Components.Account;

/// <summary>The sign-in page in bUnit as a person meets it: its fields, the refusals beside them, and where signing in leads.</summary>
public sealed class LoginPageTests : SignInTestContext
{
    [Fact]
    public void The_sign_in_page_asks_for_a_user_name_and_a_hidden_password()
    {
        var page = RenderPage<Login>();

        Assert.Equal("Sign in", page.Find("h1").Text());
        Assert.Equal("username", page.Field("User name").GetAttribute("autocomplete"));
        Assert.Equal("password", page.Field("Password").GetAttribute("type"));
        Assert.True(page.HasButton("Sign in"));
    }

    [Fact]
    public async Task Sending_the_form_empty_asks_for_the_user_name_and_the_password_beside_their_fields()
    {
        var page = RenderPage<Login>();

        await SubmitAsync(page);

        Assert.Equal(["Enter your user name."], MessagesBeside(page, "User name"));
        Assert.Equal(["Enter your password."], MessagesBeside(page, "Password"));
        Assert.False(SetsSignInCookie);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_words_and_signs_no_one_in()
    {
        await CreateUserAsync("dora", Role.Dispatcher);
        var page = RenderPage<Login>();

        page.Type("User name", "dora");
        page.Type("Password", "not-the-password");
        await SubmitAsync(page);

        Assert.Equal("The user name or password is not right.", page.Find("[role=alert]").Text());
        Assert.False(SetsSignInCookie);
        Assert.Null(NavigatedTo);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_words_as_a_wrong_password()
    {
        var page = RenderPage<Login>();

        page.Type("User name", "nobody-here");
        page.Type("Password", Password);
        await SubmitAsync(page);

        Assert.Equal("The user name or password is not right.", page.Find("[role=alert]").Text());
    }

    [Fact]
    public async Task After_a_failed_sign_in_the_typed_password_is_not_written_back_into_the_page()
    {
        await CreateUserAsync("dora", Role.Dispatcher);
        var page = RenderPage<Login>();

        page.Type("User name", "dora");
        page.Type("Password", "not-the-password");
        await SubmitAsync(page);

        Assert.Equal("dora", page.Field("User name").GetAttribute("value"));
        Assert.Empty(page.Field("Password").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task A_disabled_account_is_told_it_is_locked_or_disabled()
    {
        var dora = await CreateUserAsync("dora", Role.Dispatcher);
        dora.IsDisabled = true;
        await Services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Users.ConsoleUser>>().UpdateAsync(dora);
        var page = RenderPage<Login>();

        page.Type("User name", "dora");
        page.Type("Password", Password);
        await SubmitAsync(page);

        Assert.Equal("This account is locked or disabled. Try again later or ask an admin.", page.Find("[role=alert]").Text());
        Assert.False(SetsSignInCookie);
    }

    [Fact]
    public async Task Signing_in_leads_to_the_page_the_return_address_names()
    {
        await CreateUserAsync("dora", Role.Dispatcher);
        Services.GetRequiredService<NavigationManager>().NavigateTo("account/login?returnUrl=%2Fdispatch");
        var page = RenderPage<Login>();

        page.Type("User name", "dora");
        page.Type("Password", Password);
        await SubmitAsync(page);

        Assert.True(SetsSignInCookie);
        Assert.Equal("/dispatch", NavigatedTo);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_not_followed_signing_in_leads_home()
    {
        await CreateUserAsync("dora", Role.Dispatcher);
        Services.GetRequiredService<NavigationManager>().NavigateTo("account/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        var page = RenderPage<Login>();

        page.Type("User name", "dora");
        page.Type("Password", Password);
        await SubmitAsync(page);

        Assert.Equal("/", NavigatedTo);
    }

    [Fact]
    public async Task Too_many_failed_attempts_are_answered_with_a_wait_in_seconds_and_status_429()
    {
        await CreateUserAsync("dora", Role.Dispatcher);
        var page = RenderPage<Login>();

        for (var attempt = 0; attempt < 50 && Request.Response.StatusCode != StatusCodes.Status429TooManyRequests; attempt++)
        {
            page.Type("User name", "dora");
            page.Type("Password", "not-the-password");
            await SubmitAsync(page);
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, Request.Response.StatusCode);
        Assert.Matches(@"^Too many sign-in attempts\. Try again in \d+ s\.$", page.Find("[role=alert]").Text());
        Assert.Equal(Request.Response.Headers.RetryAfter.ToString(), System.Text.RegularExpressions.Regex.Match(page.Find("[role=alert]").Text(), @"\d+").Value);
    }

    [Fact]
    public void Without_demo_data_the_sign_in_page_lists_no_demo_users()
    {
        var page = RenderPage<Login>();

        Assert.DoesNotContain(page.FindAll("h2"), heading => heading.Text() == "Demo users");
    }
}
