using MudBlazor;
using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Components.Controls;

/// <summary>
/// Runs every page's commands the same way: success in a snackbar, an input error beside its field, and each kind
/// of refusal (conflict, illegal move, forbidden, store unreachable, outcome unknown) as one message of its own.
/// Confirmation before something that cannot be undone goes through the same place.
/// </summary>
public sealed class CommandRunner(ISnackbar snackbar, IDialogService dialogs, RefusalWords words)
{
    /// <summary>The field a refusal for an unavailable driver is shown beside.</summary>
    public const string DriverField = "driver_id";

    /// <summary>
    /// Runs <paramref name="command"/>; true when it succeeded. Field errors go to <paramref name="errors"/>;
    /// <paramref name="orderId"/> names the order a refusal is about, when the command is about one.
    /// </summary>
    public async Task<bool> RunAsync(FieldErrors errors, Func<string> success, Func<Task> command, Guid? orderId = null)
    {
        errors.Clear();
        try
        {
            await command();
            snackbar.Add(success(), Severity.Success);
            return true;
        }
        catch (OrderValidationException invalid)
        {
            errors.Set(invalid.Field, invalid.Message);
        }
        catch (AccountChangeException refused)
        {
            if (refused.Field is { } field)
            {
                errors.Set(field, refused.Message);
            }

            Refuse("Not done", refused.Message);
        }
        catch (OrderConflictException conflict) when (RefusalWords.DescribeUnavailableDriver(conflict) is { } unavailable)
        {
            // Beside the driver field where the page has one (the dispatch desk), and in words.
            errors.Set(DriverField, unavailable);
            Refuse("Driver not available", unavailable + ".");
        }
        catch (OrderConflictException conflict)
        {
            Refuse("Someone else was quicker", words.DescribeConflict(orderId, conflict.CurrentStatus));
        }
        catch (IllegalTransitionException illegal)
        {
            Refuse("Not possible any more", words.Describe(illegal));
        }
        catch (ForbiddenOrderActionException forbidden)
        {
            Refuse("Not allowed", forbidden.Message);
        }
        catch (DirectoryConflictException clash)
        {
            errors.Set(clash.Field, clash.Message);
            Refuse("Not done", clash.Message);
        }
        catch (ProofMissingException missing)
        {
            // Beside the field where the page has it, and in words where it does not (the dispatch desk).
            errors.Set(missing.Field, missing.Message);
            Refuse("Proof of delivery needed", missing.Message);
        }
        catch (OrderDomainException refused)
        {
            Refuse("Not done", refused.Message);
        }
        catch (StoreUnavailableException unavailable)
        {
            snackbar.Add(
                $"{(unavailable.OutcomeUnknown ? "Outcome unknown" : "Store unreachable")}: {unavailable.Message}",
                Severity.Warning,
                options => options.VisibleStateDuration = 10_000);
        }

        return false;
    }

    /// <summary>Asks before something that cannot be undone; true only when the person says yes.</summary>
    public async Task<bool> ConfirmAsync(string question, string title, string yes) =>
        await dialogs.ShowMessageBoxAsync(title, question, yesText: yes, cancelText: "Keep it") == true;

    private void Refuse(string title, string message) =>
        snackbar.Add($"{title}: {message}", Severity.Error, options => options.VisibleStateDuration = 8_000);
}
