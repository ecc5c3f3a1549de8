package io.patchpipeline.engine.asset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
  @ParameterizedTest
  @CsvSource({
    "10.0.0.1, 10.0.0.1",
    "255.255.255.255, 255.255.255.255",
    "2001:db8::1, 2001:db8::1",
    "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
    "::, ::",
    "::1, ::1",
    "fe80::1%eth0, fe80::1",
    "[2001:db8::7], 2001:db8::7",
    "::ffff:192.0.2.1, 192.0.2.1",
    "64:ff9b::192.0.2.1, 64:ff9b::c000:201",
    "1:0:0:2:0:0:0:3, 1:0:0:2::3",
    "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
  })
  void parsesAndFormats(String text, String formatted) {
    byte[] address = IpAddresses.parse(text);

    assertThat(address).isNotNull();
    assertThat(IpAddresses.format(address)).isEqualTo(formatted);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "10.0.0",
        "10.0.0.256",
        "10.0.0.1.2",
        "10.0.0.-1",
        "1000.0.0.1",
        "web-1.example.com",
        "2001:db8:::1",
        "2001::db8::1",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "12345::1",
        "g::1",
        ":1",
        "::ffff:10.0.0.256",
      })
  void rejectsWhatIsNoAddress(String text) {
    assertThat(IpAddresses.parse(text)).isNull();
  }
}
