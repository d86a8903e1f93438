namespace OrderConsole.Components.Controls;

/// <summary>Sane axes for the dashboard's charts: a tick step of 1, 2 or 5 times a power of ten, about five ticks high, never below one.</summary>
public static class ChartScale
{
    private static readonly double[] s_factors = [1d, 2d, 5d, 10d];

    public static int TickStep(double max)
    {
        if (!double.IsFinite(max) || max <= 5)
        {
            return 1;
        }

        var rough = max / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = s_factors.Select(factor => factor * power).First(candidate => candidate >= rough);
        return Math.Max(1, (int)Math.Ceiling(step));
    }
}
