//! Each browser step runs the engine and the time zone it names. scripts/test tells the test
//! server what the step means (`POST /expect`) and starts the browser in that zone; this test
//! fails when the engine is another one (wasm-pack's `--chrome` reaches WebKit only through
//! `SAFARIDRIVER`) or the zone was lost, so a "WebKit" step can never pass by running Chromium.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The engine this page runs in, from the user agent and a feature only that engine has.
fn engine() -> String {
    let window = web_sys::window().unwrap();
    let navigator = window.navigator();
    let agent = navigator.user_agent().unwrap();
    let has = |target: &JsValue, name: &str| Reflect::has(target, &name.into()).unwrap();
    let client_hints = has(&navigator, "userAgentData");
    let gecko = has(&window, "mozInnerScreenX");
    if agent.contains("Chrome/") && client_hints && !gecko {
        "chromium".into()
    } else if agent.contains("Firefox/") && gecko && !client_hints {
        "firefox".into()
    } else if agent.contains("AppleWebKit/")
        && !agent.contains("Chrome/")
        && !client_hints
        && !gecko
    {
        "webkit".into()
    } else {
        format!("unknown ({agent})")
    }
}

/// Four instants (winter and summer, either side of midnight UTC) as the engine's local time,
/// or as the time in `zone` when given. Equal for two zones that are the same under different
/// names (`Asia/Kolkata` and `Asia/Calcutta`).
fn wall_clock(zone: Option<&str>) -> Vec<String> {
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "short"), ("timeStyle", "long")] {
        js_sys::Reflect::set(&options, &key.into(), &value.into()).unwrap();
    }
    if let Some(zone) = zone {
        js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into()).unwrap();
    }
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&"en-GB".into()), &options);
    [
        1_704_060_000_000.0,
        1_704_110_400_000.0,
        1_719_792_000_000.0,
        1_719_831_600_000.0,
    ]
    .into_iter()
    .map(|ms| {
        format
            .format()
            .call1(&JsValue::NULL, &ms.into())
            .unwrap()
            .as_string()
            .unwrap()
    })
    .collect()
}

#[wasm_bindgen_test]
async fn the_step_runs_the_engine_and_time_zone_it_names() {
    let expected = server_json("/expect").await;
    let want_engine = get(&expected, "engine").as_string().expect(
        "the test server was not told which engine this step runs: scripts/test does that \
         (POST /expect {\"engine\": …, \"time_zone\": …}) before each browser step",
    );
    assert_eq!(engine(), want_engine, "the step runs another engine");
    let want_zone = get(&expected, "time_zone").as_string().unwrap();
    assert_eq!(
        wall_clock(None),
        wall_clock(Some(&want_zone)),
        "the browser does not run in {want_zone}"
    );
}
