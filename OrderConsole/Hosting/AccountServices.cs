using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OrderConsole.Accounts;
using OrderConsole.Core.Users;

namespace OrderConsole.Hosting;

/// <summary>Sign-in: Identity over the console's own user store, cookie sign-in for people, bearer tokens for API clients, keys in the store.</summary>
public static class AccountServices
{
    public static IServiceCollection AddConsoleAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<ConsoleUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddUserStore<ConsoleUserStore>()
            .AddClaimsPrincipalFactory<ConsoleClaimsFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddScheme<AuthenticationSchemeOptions, RevocableBearer>(RevocableBearer.SchemeName, _ => { });
        services.AddSingleton<AccountStamps>();
        services.AddSingleton(provider => SignInLimits.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SignInGuard>();
        services.AddScoped<PasswordCheck>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "OrderConsole.Auth";
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;

            // API callers get status codes, not the sign-in page.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        // Cookies are re-checked against the user's security stamp as often as open circuits are (see
        // AccountRevalidation), so disabling a user or resetting their password ends page loads and API calls too.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = AccountRevalidation.Interval);

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();
        services.AddScoped<UserAdministration>();

        // Where the keys are kept is the store's choice (see ConsoleServices).
        services.AddDataProtection().SetApplicationName("OrderConsole");
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
