using RecruitOps.Benchmarks;

namespace RecruitOps.Tests.Benchmarks;

public sealed class BenchmarkSettingsTests
{
    [Fact]
    public void No_arguments_give_the_issues_sizes()
    {
        var settings = BenchmarkSettings.Parse([]);

        Assert.Equal(10_000, settings.Subscribers);
        Assert.Equal(20, settings.Rate);
        Assert.Equal(600, settings.OperationsPlanned);
        Assert.Equal(1_000, settings.ReplayCount);
        Assert.Null(settings.Url);
    }

    [Fact]
    public void App_settings_pass_through_and_the_last_of_a_key_wins()
    {
        var settings = BenchmarkSettings.Parse(
            ["--subscribers", "50000", "--app-setting", "Auth:RateLimit:PermitLimit=100", "--app-setting", "Stream:HeartbeatSeconds=5",
             "--app-setting", "Stream:HeartbeatSeconds=10", "--rate", "2.5"]);

        Assert.Equal(50_000, settings.Subscribers);
        Assert.Equal(2.5, settings.Rate);
        Assert.Equal("100", settings.AppSettings["Auth:RateLimit:PermitLimit"]);
        Assert.Equal("10", settings.AppSettings["Stream:HeartbeatSeconds"]);
    }

    [Theory]
    [InlineData("--subscribers", "0", "--subscribers")]
    [InlineData("--rate", "fast", "--rate")]
    [InlineData("--app-setting", "NoEquals", "--app-setting")]
    [InlineData("--url", "ftp://x", "--url")]
    [InlineData("--colour", "red", "--colour")]
    public void A_bad_argument_is_refused_with_its_name(string name, string value, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkSettings.Parse([name, value]));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_app_needs_a_way_to_sign_in()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkSettings.Parse(["--url", "http://127.0.0.1:7071"]));

        Assert.Contains("--signing-key", error.Message, StringComparison.Ordinal);
    }
}
