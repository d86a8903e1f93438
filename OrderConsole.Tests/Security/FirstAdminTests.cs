using System.Net;
using System.Net.Http.Json;
using OrderConsole.Accounts;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Security;

/// <summary>Without demo data the first admin comes from <c>Admin:*</c> at start or from <c>/setup</c> with the setup code; then <c>/setup</c> is gone.</summary>
public sealed class FirstAdminTests : IDisposable
{
    private const string Password = "a-long-admin-password";

    private readonly string _codeFile = Path.Combine(Path.GetTempPath(), "oc-setup-" + Guid.NewGuid().ToString("N"), FirstAdminOptions.CodeFileName);

    public void Dispose()
    {
        if (Directory.Exists(Path.GetDirectoryName(_codeFile)))
        {
            Directory.Delete(Path.GetDirectoryName(_codeFile)!, recursive: true);
        }
    }

    [Fact]
    public async Task Admin_settings_create_the_first_admin_at_start()
    {
        await using var console = new ConsoleHost("Production", ("Admin:UserName", "boss"), ("Admin:Password", Password), ("Setup:CodeFile", _codeFile));

        using var boss = await ApiClient.AsAsync(console, "boss", Password);
        using var state = await boss.GetAsync(ApiClient.Path("/api/state"));
        using var setup = await SignedInClient.Anonymous(console).GetAsync(ApiClient.Path("/setup"));

        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
        Assert.False(File.Exists(_codeFile));
    }

    [Fact]
    public async Task Without_an_admin_setup_creates_one_with_the_code_from_the_code_file()
    {
        await using var console = new ConsoleHost("Production", ("Setup:CodeFile", _codeFile));
        using var client = SignedInClient.Anonymous(console);

        var page = await client.GetStringAsync(ApiClient.Path("/setup"));
        var code = (await File.ReadAllTextAsync(_codeFile)).Trim();
        using var created = await PostSetupAsync(client, page, code, "first-admin", Password);
        using var boss = await ApiClient.AsAsync(console, "first-admin", Password);
        using var again = await client.GetAsync(ApiClient.Path("/setup"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.False(File.Exists(_codeFile));
    }

    [Fact]
    public async Task A_wrong_setup_code_creates_nobody()
    {
        await using var console = new ConsoleHost("Production", ("Setup:CodeFile", _codeFile));
        using var client = SignedInClient.Anonymous(console);

        var page = await client.GetStringAsync(ApiClient.Path("/setup"));
        using var refused = await PostSetupAsync(client, page, "AAAA-BBBB-CCCC-DDDD", "intruder", Password);
        using var signIn = await client.PostAsJsonAsync(ApiClient.Path("/api/auth/login"), new { username = "intruder", password = Password });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not the setup code", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task A_setup_password_that_breaks_identitys_rules_is_refused_at_the_password()
    {
        await using var console = new ConsoleHost("Production", ("Setup:CodeFile", _codeFile));
        using var client = SignedInClient.Anonymous(console);

        var page = await client.GetStringAsync(ApiClient.Path("/setup"));
        using var refused = await PostSetupAsync(client, page, (await File.ReadAllTextAsync(_codeFile)).Trim(), "first-admin", "short");
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at least 8 characters", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", html, StringComparison.Ordinal);
        Assert.True(File.Exists(_codeFile));
    }

    private static Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string page, string code, string userName, string password) =>
        client.PostAsync(ApiClient.Path("/setup"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = ConsoleHost.FormToken(page),
            ["Input.Code"] = code,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
}
