namespace OrderConsole.Components.Controls;

/// <summary>One bar or column of a <see cref="FigureChart"/>: its category, its value, and the value as people read it.</summary>
public sealed record ChartPoint(string Label, double Value, string Text);
