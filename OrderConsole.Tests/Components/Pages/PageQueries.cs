using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>Finds things on a rendered page the way a person does: fields by their label, buttons by their name, rows by their text.</summary>
internal static class PageQueries
{
    /// <summary>The input or select whose label reads exactly <paramref name="label"/>.</summary>
    public static IElement Field<T>(this IRenderedComponent<T> page, string label)
        where T : IComponent
    {
        var labels = page.FindAll("label").Where(element => element.TextContent.Trim() == label).ToList();
        Assert.True(labels.Count == 1, $"expected one field labelled \"{label}\", found {labels.Count}");
        return page.Find($"[id='{labels[0].GetAttribute("for")}']");
    }

    /// <summary>Types into a field as a person does: the input events the field listens to fire with the whole text.</summary>
    public static void Type<T>(this IRenderedComponent<T> page, string label, string text)
        where T : IComponent
    {
        if (page.Field(label).HasAttribute("blazor:oninput"))
        {
            page.Field(label).Input(text);
        }

        if (page.Field(label).HasAttribute("blazor:onchange"))
        {
            page.Field(label).Change(text);
        }
    }

    /// <summary>Ticks or clears the checkbox or switch labelled <paramref name="label"/>, whose input sits inside its label.</summary>
    public static void Tick<T>(this IRenderedComponent<T> page, string label, bool ticked)
        where T : IComponent
    {
        var labels = page.FindAll("label").Where(element => element.TextContent.Trim() == label).ToList();
        Assert.True(labels.Count == 1, $"expected one checkbox labelled \"{label}\", found {labels.Count}");
        var box = labels[0].QuerySelector("input[type=checkbox]") ?? throw new InvalidOperationException($"\"{label}\" holds no checkbox: {labels[0].OuterHtml}");
        box.Change(ticked);
    }

    /// <summary>The message shown beside a field (what its aria-describedby points at), or null.</summary>
    public static string? ErrorOf<T>(this IRenderedComponent<T> page, string label)
        where T : IComponent
    {
        var describedBy = page.Field(label).GetAttribute("aria-describedby");
        return describedBy is null ? null : page.FindAll($"[id='{describedBy}']").SingleOrDefault()?.TextContent.Trim();
    }

    /// <summary>The button whose accessible name (aria-label, else its text) is <paramref name="name"/>.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> page, string name)
        where T : IComponent
    {
        var buttons = page.FindAll("button").Where(button => (button.GetAttribute("aria-label") ?? button.TextContent.Trim()) == name).ToList();
        Assert.True(buttons.Count == 1, $"expected one button named \"{name}\", found {buttons.Count}");
        return buttons[0];
    }

    /// <summary>Clicks the button named <paramref name="name"/>, finding it again if a live re-render replaced it meanwhile.</summary>
    public static async Task ClickAsync<T>(this IRenderedComponent<T> page, string name)
        where T : IComponent
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.Button(name).ClickAsync(new());
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 5)
            {
                // The page re-rendered between finding the button and clicking it: find it again.
            }
        }
    }

    /// <summary>
    /// Picks <paramref name="option"/> in the MudSelect labelled <paramref name="label"/> as a person does: presses the
    /// field to open its list (rendered by <paramref name="popovers"/>), then clicks the option whose text starts so.
    /// </summary>
    public static async Task ChooseAsync<T>(this IRenderedComponent<T> page, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers, string label, string option)
        where T : IComponent
    {
        var input = page.Field(label);
        var opener = input.Ancestors<IElement>().FirstOrDefault(element => element.HasAttribute("blazor:onmousedown"))
            ?? throw new InvalidOperationException($"\"{label}\" opens no list: {input.Closest(".mud-select")?.OuterHtml ?? input.ParentElement?.ParentElement?.OuterHtml}");
        await opener.MouseDownAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        var item = popovers.WaitForElement(".mud-popover-open");
        var choice = popovers.FindAll(".mud-popover-open [role=option]")
            .FirstOrDefault(candidate => candidate.TextContent.Trim().StartsWith(option, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no option \"{option}\" in \"{label}\": {item.OuterHtml}");
        await choice.ClickAsync(new());
    }

    /// <summary>
    /// Clicks <paramref name="button"/> and answers the confirmation it asks (rendered by <paramref name="dialogs"/>) with
    /// <paramref name="answer"/>, after checking the dialog asks <paramref name="question"/> when one is given. The click's
    /// handler waits for the answer, so the click is awaited only after answering.
    /// </summary>
    public static async Task ConfirmAsync<T>(
        this IRenderedComponent<T> page, IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string button, string answer, string? question = null)
        where T : IComponent
    {
        var clicking = page.ClickAsync(button);
        dialogs.WaitForAssertion(() =>
        {
            Assert.True(dialogs.HasButton(answer), $"the confirmation offers \"{answer}\"");
            if (question is not null)
            {
                Assert.Contains(question, dialogs.Markup, StringComparison.Ordinal);
            }
        });
        await dialogs.ClickAsync(answer);
        await clicking;
    }

    public static bool HasButton<T>(this IRenderedComponent<T> page, string name)
        where T : IComponent =>
        page.FindAll("button").Any(button => (button.GetAttribute("aria-label") ?? button.TextContent.Trim()) == name);

    /// <summary>The table rows (of any grid) that contain <paramref name="text"/>.</summary>
    public static IReadOnlyList<IElement> RowsWith<T>(this IRenderedComponent<T> page, string text)
        where T : IComponent =>
        [.. page.FindAll("tr").Where(row => row.TextContent.Contains(text, StringComparison.Ordinal))];

    /// <summary>The text of the element, with runs of white space made one space.</summary>
    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
