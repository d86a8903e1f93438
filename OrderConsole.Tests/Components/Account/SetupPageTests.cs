using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Accounts;
using OrderConsole.Components.Account;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Components.Pages;

namespace OrderConsole.Tests.Components.Account;

/// <summary>The first-admin setup page in bUnit: it asks for the setup code, refuses beside each field, and closes once an admin exists.</summary>
public sealed class SetupPageTests : SignInTestContext
{
    private readonly string _codeFile = Path.Combine(Path.GetTempPath(), $"setup-code-{Guid.NewGuid():N}.txt");

    public SetupPageTests()
    {
        Services.AddSingleton(new FirstAdminOptions(UserName: null, Password: null, CodeFile: _codeFile));
        Services.AddSingleton<FirstAdminSetup>();
    }

    protected override bool StartsWithAdmin => false;

    private FirstAdminSetup FirstAdmin => Services.GetRequiredService<FirstAdminSetup>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await FirstAdmin.StartAsync(CancellationToken.None);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        // The code file stays until an admin is created; a test that creates none removes it itself.
        File.Delete(_codeFile);
        await base.DisposeAsyncCore();
    }

    [Fact]
    public void While_no_admin_exists_the_page_asks_for_the_setup_code_a_user_name_and_a_password()
    {
        var page = RenderPage<Setup>();

        Assert.Equal("Set up the first admin", page.Find("h1").Text());
        Assert.Equal("off", page.Field("Setup code").GetAttribute("autocomplete"));
        Assert.Equal("username", page.Field("User name").GetAttribute("autocomplete"));
        Assert.Equal("password", page.Field("Password").GetAttribute("type"));
        Assert.True(page.HasButton("Create the admin"));
    }

    [Fact]
    public void The_page_says_where_the_setup_code_can_be_found()
    {
        var page = RenderPage<Setup>();

        Assert.Contains(_codeFile, page.Find("p").Text(), StringComparison.Ordinal);
        Assert.Contains("log", page.Find("p").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_form_empty_asks_for_each_field_beside_it()
    {
        var page = RenderPage<Setup>();

        await SubmitAsync(page);

        Assert.Equal(["Enter the setup code."], MessagesBeside(page, "Setup code"));
        Assert.Equal(["Choose a user name."], MessagesBeside(page, "User name"));
        Assert.Equal(["Choose a password."], MessagesBeside(page, "Password"));
    }

    [Fact]
    public async Task A_wrong_setup_code_is_refused_beside_the_code_field_with_400_and_creates_no_admin()
    {
        var page = RenderPage<Setup>();

        page.Type("Setup code", "AAAA-BBBB-CCCC-DDDD");
        page.Type("User name", "root");
        page.Type("Password", Password);
        await SubmitAsync(page);

        Assert.Equal(["This is not the setup code. Copy it from the console's log or the setup code file."], MessagesBeside(page, "Setup code"));
        Assert.Equal(StatusCodes.Status400BadRequest, Request.Response.StatusCode);
        Assert.Null(await StoredAsync("root"));
    }

    [Fact]
    public async Task A_too_short_password_is_refused_beside_the_password_field_in_words()
    {
        var page = RenderPage<Setup>();

        page.Type("Setup code", FirstAdmin.Code!);
        page.Type("User name", "root");
        page.Type("Password", "short");
        await SubmitAsync(page);

        var message = Assert.Single(MessagesBeside(page, "Password"));
        Assert.Contains("8", message, StringComparison.Ordinal);
        Assert.Empty(MessagesBeside(page, "User name"));
        Assert.Null(await StoredAsync("root"));
    }

    [Fact]
    public async Task The_right_code_creates_the_admin_signs_them_in_and_opens_the_users_page()
    {
        var page = RenderPage<Setup>();

        page.Type("Setup code", FirstAdmin.Code!.ToLowerInvariant());
        page.Type("User name", "root");
        page.Type("Password", Password);
        await SubmitAsync(page);

        Assert.Equal([Role.Admin], (await StoredAsync("root"))!.Roles);
        Assert.True(SetsSignInCookie);
        Assert.Equal("/admin/users", NavigatedTo);
    }

    [Fact]
    public async Task Once_an_admin_exists_the_page_says_not_found_with_404_and_asks_for_no_code()
    {
        await CreateUserAsync("root", Role.Admin);

        var page = RenderPage<Setup>();

        Assert.Equal("Not found", page.Find("h1").Text());
        Assert.Equal(StatusCodes.Status404NotFound, Request.Response.StatusCode);
        Assert.Empty(page.FindAll("input#setup-code"));
    }
}
