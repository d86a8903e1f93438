namespace OrderConsole.Accounts;

/// <summary>
/// The sign-in limits: <c>RateLimits:SignIn</c> (<c>PermitLimit</c> attempts per client address per
/// <c>WindowSeconds</c>, default 10 per 60 s) and <c>RateLimits:SignInFailures</c> (<c>PerAccount</c>, default 20,
/// and <c>PerAccountAndClient</c>, default 5, wrong passwords per <c>WindowSeconds</c>, default 900).
/// </summary>
public sealed record SignInLimits(int PerClient, TimeSpan ClientWindow, int FailuresPerAccount, int FailuresPerAccountAndClient, TimeSpan FailureWindow)
{
    public static SignInLimits From(IConfiguration configuration)
    {
        var client = configuration.GetSection("RateLimits:SignIn");
        var failures = configuration.GetSection("RateLimits:SignInFailures");
        var limits = new SignInLimits(
            client.GetValue("PermitLimit", 10),
            TimeSpan.FromSeconds(client.GetValue("WindowSeconds", 60)),
            failures.GetValue("PerAccount", 20),
            failures.GetValue("PerAccountAndClient", 5),
            TimeSpan.FromSeconds(failures.GetValue("WindowSeconds", 900)));
        if (limits.PerClient < 1 || limits.FailuresPerAccount < 1 || limits.FailuresPerAccountAndClient < 1
            || limits.ClientWindow < TimeSpan.FromSeconds(1) || limits.FailureWindow < TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException("RateLimits:SignIn and RateLimits:SignInFailures must allow at least 1 per at least 1 second");
        }

        return limits;
    }
}
