using Microsoft.AspNetCore.Identity;
using OrderConsole.Core.Users;

namespace OrderConsole.Accounts;

/// <summary>
/// Checks a user name and password the same way for the sign-in page and the API: an unknown name costs a password
/// hash like a known one (so answer times do not tell which names exist), wrong passwords never lock the account
/// in Identity (the <see cref="SignInGuard"/> limits failures instead), and disabled accounts stay refused.
/// </summary>
public sealed class PasswordCheck(SignInManager<ConsoleUser> signIn, IPasswordHasher<ConsoleUser> hasher)
{
    private static readonly ConsoleUser s_nobody = new() { UserName = "nobody" };
    private static string? s_nobodyHash;

    /// <summary>The user and the outcome; the user is null unless the password is right.</summary>
    public async Task<(ConsoleUser? User, SignInResult Outcome)> CheckAsync(string userName, string password)
    {
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            HashAsIfKnown(password);
            return (null, SignInResult.Failed);
        }

        var outcome = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (outcome.IsLockedOut || outcome.IsNotAllowed)
        {
            // Identity refuses these before it looks at the password; the hash keeps the cost the same.
            HashAsIfKnown(password);
        }

        return (outcome.Succeeded ? user : null, outcome);
    }

    private void HashAsIfKnown(string password)
    {
        s_nobodyHash ??= hasher.HashPassword(s_nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(s_nobody, s_nobodyHash, password);
    }
}
