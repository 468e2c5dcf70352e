using Microsoft.Extensions.Time.Testing;
using RecruitOps.Operations;

namespace RecruitOps.Tests.Operations;

public sealed class OperationIdTests
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 18, 12, 7, 123, TimeSpan.Zero);

    [Fact]
    public void Ids_from_one_generator_strictly_increase_within_one_millisecond()
    {
        var generator = new OperationIdGenerator(new FakeTimeProvider(Start));

        var ids = Enumerable.Range(0, 10_000).Select(_ => generator.Next()).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Ids_keep_increasing_and_time_never_goes_back_when_the_clock_steps_back()
    {
        // FakeTimeProvider cannot go back, and a real clock can (NTP steps): the times are passed in directly.
        var generator = new OperationIdGenerator(new FakeTimeProvider(Start));
        var before = generator.NextAt(Start);

        var during = Enumerable.Range(0, 100).Select(i => generator.NextAt(Start.AddSeconds(-5).AddMilliseconds(i))).ToList();
        var after = generator.NextAt(Start.AddMilliseconds(1));

        var all = during.Prepend(before).Append(after).ToList();
        Assert.Equal(all.Select(x => x.Id), all.Select(x => x.Id).Order(StringComparer.Ordinal));
        Assert.Equal(all.Count, all.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(during, x => Assert.Equal(Start, x.Time));
        Assert.Equal(Start.AddMilliseconds(1), after.Time);
    }

    [Fact]
    public void Ids_from_many_generators_in_the_same_millisecond_are_all_different()
    {
        var clock = new FakeTimeProvider(Start);
        var generators = Enumerable.Range(0, 200).Select(_ => new OperationIdGenerator(clock)).ToList();

        var ids = generators.SelectMany(generator => Enumerable.Range(0, 500).Select(_ => generator.Next())).ToList();

        Assert.Equal(100_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.True(OperationId.TryGetTime(id, out var time) && time == Start));
    }

    [Fact]
    public void Ids_sort_in_record_order_across_milliseconds_seconds_and_years()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var generator = new OperationIdGenerator(clock);
        TimeSpan[] steps = [TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(31), TimeSpan.FromSeconds(1), TimeSpan.FromDays(400)];
        var recorded = new List<string>();

        for (var i = 0; i < 4_000; i++)
        {
            recorded.Add(generator.Next());
            clock.Advance(steps[i % steps.Length]);
        }

        Assert.Equal(recorded, recorded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_id_is_26_crockford_characters_safe_in_a_url_a_row_key_and_an_sse_id_line()
    {
        var generator = new OperationIdGenerator(new FakeTimeProvider(Start));

        var ids = Enumerable.Range(0, 1_000).Select(_ => generator.Next()).ToList();

        Assert.All(ids, id =>
        {
            Assert.Equal(OperationId.Length, id.Length);
            Assert.True(id.All(c => Crockford.Contains(c, StringComparison.Ordinal)));
            Assert.Equal(id, Uri.EscapeDataString(id));
            Assert.True(OperationId.IsValid(id));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("01KBKZ3N9V")]
    [InlineData("01kbkz3n9vp8d1c0yqe3rgxw7h")]
    [InlineData("01KBKZ3N9VP8D1C0YQE3RGXW7")]
    [InlineData("01KBKZ3N9VP8D1C0YQE3RGXW7HX")]
    [InlineData("01KBKZ3N9VP8D1C0YQE3RGXW7I")]
    [InlineData("01KBKZ3N9VP8D1C0YQE3RGXW7U")]
    [InlineData("01KBKZ3N9VP8D1C0YQE3RG/W7H")]
    [InlineData("81KBKZ3N9VP8D1C0YQE3RGXW7H")]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("76EZ91ZQ000000000000000000")]
    public void Malformed_ids_are_not_valid(string value)
    {
        Assert.False(OperationId.IsValid(value));
    }

    [Fact]
    public void Invert_reverses_the_order_and_undoes_itself()
    {
        var random = new Random(20261203);
        var ids = Enumerable.Range(0, 2_000)
            .Select(_ => OperationId.Format(random.NextInt64(0, MaxMilliseconds), new UInt128((ulong)random.Next(1 << 16), (ulong)random.NextInt64())))
            .Append(OperationId.AtTime(DateTimeOffset.UnixEpoch))
            .Append(OperationId.Format(MaxMilliseconds, (UInt128.One << 80) - 1))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var ascending = ids.Order(StringComparer.Ordinal).ToList();
        var inverted = ascending.Select(OperationId.Invert).ToList();

        Assert.All(ids, id => Assert.Equal(id, OperationId.Invert(OperationId.Invert(id))));
        Assert.Equal(inverted, inverted.OrderDescending(StringComparer.Ordinal));
        Assert.All(inverted, x => Assert.True(OperationId.IsValidInverted(x)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(1_764_785_527_123L)]
    [InlineData(253_402_300_799_999L)]
    public void The_time_in_an_id_round_trips_to_the_millisecond_in_utc(long milliseconds)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).AddTicks(9_999).ToOffset(TimeSpan.FromHours(-9)));
        var generator = new OperationIdGenerator(clock);

        var (id, time) = generator.NextAt(clock.GetUtcNow());

        Assert.True(OperationId.TryGetTime(id, out var decoded));
        Assert.Equal(milliseconds, decoded.ToUnixTimeMilliseconds());
        Assert.Equal(time, decoded);
        Assert.Equal(TimeSpan.Zero, decoded.Offset);
    }
}
