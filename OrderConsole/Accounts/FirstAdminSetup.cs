using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Users;

namespace OrderConsole.Accounts;

/// <summary>
/// The one-time creation of the first admin: while no admin exists, <c>/setup</c> accepts the setup code this
/// instance printed in its log (and wrote to <see cref="CodeFile"/>) with a user name and password; once an
/// admin exists, the code is gone and <c>/setup</c> answers 404.
/// </summary>
public sealed class FirstAdminSetup(IUserAccounts accounts, IServiceScopeFactory scopes, FirstAdminOptions options, ILogger<FirstAdminSetup> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _adminExists;

    public void Dispose() => _creating.Dispose();

    /// <summary>The setup code while setup is open; null once an admin exists.</summary>
    public string? Code { get; private set; }

    /// <summary>Where the setup code is written for an operator who cannot read the log.</summary>
    public string CodeFile => options.CodeFile;

    /// <summary>Whether an admin exists; true is remembered, since admins are never all deleted through the console.</summary>
    public async Task<bool> AdminExistsAsync(CancellationToken cancellationToken = default)
    {
        if (!_adminExists && (await accounts.ListAsync(cancellationToken)).Any(user => user.Roles.Contains(Role.Admin)))
        {
            Close();
        }

        return _adminExists;
    }

    /// <summary>At start: creates the admin named by <c>Admin:UserName</c>/<c>Admin:Password</c>, or opens setup with a fresh code.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await AdminExistsAsync(cancellationToken))
        {
            if (options.UserName is not null)
            {
                logger.LogInformation("An admin exists already; Admin:UserName {UserName} is not created", options.UserName);
            }

            return;
        }

        if (options.UserName is { } userName)
        {
            var created = await CreateAdminAsync(userName, options.Password ?? string.Empty);

            // Instances starting together on one store race for it; one creating the admin is enough.
            if (!created.Succeeded && !await AdminExistsAsync(cancellationToken))
            {
                throw new InvalidOperationException(
                    $"Admin:UserName and Admin:Password could not create the first admin {userName}: {string.Join(" ", created.Errors.Select(error => error.Description))}");
            }

            logger.LogInformation("The first admin {UserName} exists, from Admin:UserName and Admin:Password", userName);
            return;
        }

        Code = NewCode();
        WriteCodeFile(Code);
        logger.LogWarning(
            "No admin exists yet. Open /setup and enter the setup code {SetupCode} (also written to {SetupCodeFile}) to create the first admin.",
            Code, CodeFile);
    }

    /// <summary>Whether <paramref name="code"/> is this instance's setup code; compared in constant time.</summary>
    public bool IsCode(string? code) =>
        Code is { } expected && code is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()));

    /// <summary>Creates the first admin with Identity's user-name and password rules; refused once an admin exists.</summary>
    public async Task<IdentityResult> CreateAdminAsync(string userName, string password)
    {
        await _creating.WaitAsync();
        try
        {
            if (await AdminExistsAsync())
            {
                return IdentityResult.Failed(new IdentityError { Code = "AdminExists", Description = "An admin exists already; sign in instead." });
            }

            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
            var created = await users.CreateAsync(new ConsoleUser { UserName = userName.Trim(), Roles = [Role.Admin] }, password);
            if (created.Succeeded)
            {
                Close();
            }

            return created;
        }
        finally
        {
            _creating.Release();
        }
    }

    private void Close()
    {
        _adminExists = true;
        Code = null;
        try
        {
            File.Delete(CodeFile);
        }
        catch (IOException)
        {
            // The code is no longer accepted either way.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    /// <summary>Four groups of four letters and digits without look-alikes: about 80 bits, easy to copy from a log.</summary>
    private static string NewCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var code = new StringBuilder();
        for (var i = 0; i < 16; i++)
        {
            code.Append(i > 0 && i % 4 == 0 ? "-" : "").Append(alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        }

        return code.ToString();
    }

    private void WriteCodeFile(string code)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(CodeFile))!);
            File.WriteAllText(CodeFile, code + Environment.NewLine);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(CodeFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("The setup code could not be written to {SetupCodeFile} ({Reason}); read it from this log", CodeFile, failure.Message);
        }
    }
}
