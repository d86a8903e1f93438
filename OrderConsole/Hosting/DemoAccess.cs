namespace OrderConsole.Hosting;

/// <summary>The password the demo users get (<c>Demo:Password</c>), shown on the sign-in page only in demo mode.</summary>
public sealed record DemoAccess(string Password)
{
    public const string DefaultPassword = "orderconsole";
}
