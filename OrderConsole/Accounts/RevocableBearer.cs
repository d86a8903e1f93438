using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OrderConsole.Accounts;

/// <summary>
/// The bearer scheme API callers use: the platform's bearer token (<see cref="IdentityConstants.BearerScheme"/>),
/// accepted only while <see cref="AccountStamps"/> says its user still holds the account it was issued for — so
/// disabling, locking, re-roling a user or giving them a new password ends their tokens too.
/// </summary>
public sealed class RevocableBearer(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountStamps stamps)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OrderConsole.Bearer";

    /// <summary>Where a refused token's reason waits for the 401 answer.</summary>
    public const string RevokedItem = "OrderConsole.BearerRevoked";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!token.Succeeded)
        {
            return token.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(token.Failure ?? new InvalidOperationException("the bearer token is not valid"));
        }

        if (await stamps.RevokedBecauseAsync(token.Principal, Context.RequestAborted) is { } reason)
        {
            Context.Items[RevokedItem] = $"the bearer token no longer works: {reason}";
            return AuthenticateResult.Fail(reason);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(token.Principal, token.Properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(IdentityConstants.BearerScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(IdentityConstants.BearerScheme, properties);
}
