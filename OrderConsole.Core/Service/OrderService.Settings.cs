using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;

namespace OrderConsole.Core.Service;

/// <summary>Saving the marketplace's settings: admins only, every field checked before anything is written.</summary>
public sealed partial class OrderService
{
    public async Task<ConsoleSettings> SaveSettingsAsync(Actor actor, ConsoleSettings settings, CancellationToken cancellationToken = default)
    {
        if (actor.Role != Role.Admin)
        {
            throw new ForbiddenOrderActionException($"a {RoleName(actor)} may not change the settings; only an admin may");
        }

        return await store.SaveSettingsAsync(SettingsRules.Ensure(settings), actor.Name, cancellationToken);
    }
}
