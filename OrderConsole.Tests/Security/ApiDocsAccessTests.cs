using System.Net;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Security;

/// <summary><c>/docs</c> and <c>/openapi</c>: open in Development, for signed-in staff elsewhere, unless <c>ApiDocs:Access</c> says otherwise.</summary>
public sealed class ApiDocsAccessTests
{
    private const string AdminPassword = "a-long-admin-password";

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/index.html")]
    public async Task Outside_development_the_api_documents_are_for_signed_in_staff(string path)
    {
        await using var console = new ConsoleHost("Production", ("Admin:UserName", "boss"), ("Admin:Password", AdminPassword), ("Setup:CodeFile", TempCodeFile()));
        using var anonymous = SignedInClient.Anonymous(console);
        using var staff = await ApiClient.AsAsync(console, "boss", AdminPassword);

        using var refused = await anonymous.GetAsync(ApiClient.Path(path));
        using var served = await staff.GetAsync(ApiClient.Path(path));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task The_setting_can_open_the_api_documents_to_everyone()
    {
        await using var console = new ConsoleHost("Production", ("ApiDocs:Access", "public"), ("Setup:CodeFile", TempCodeFile()));

        using var served = await SignedInClient.Anonymous(console).GetAsync(ApiClient.Path("/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task In_development_the_api_documents_are_open()
    {
        await using var console = new ConsoleHost("Development", ("Demo:Enabled", "true"));

        using var served = await SignedInClient.Anonymous(console).GetAsync(ApiClient.Path("/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    private static string TempCodeFile() => Path.Combine(Path.GetTempPath(), "oc-docs-" + Guid.NewGuid().ToString("N") + ".txt");
}
