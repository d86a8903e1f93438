using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OrderConsole.E2E.Infrastructure;

/// <summary>
/// Choosing in a MudSelect as a person does: press the combobox named by its label, then the option in the list that
/// opens in a popover (not inside the field, so it is found on the page).
/// </summary>
public static class Pickers
{
    /// <summary>Chooses the first option whose name starts with <paramref name="startsWith"/> (any option when null); returns its text.</summary>
    public static async Task<string> ChooseAsync(IPage page, string label, string? startsWith = null)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).ClickAsync();
        var option = startsWith is null
            ? page.GetByRole(AriaRole.Option).First
            : page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^" + Regex.Escape(startsWith)) }).First;
        var text = (await option.InnerTextAsync()).Trim();
        await option.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        return text;
    }
}
