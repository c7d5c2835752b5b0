// The admin area in Chromium against the e2e platform: an admin ships and delivers a customer's order and the
// customer sees it; an admin moves stock and finds the customer among the users; a customer who opens the admin
// area is refused. Two browsers with their own cookies: the customer's and the admin's. Every admin page is audited
// by axe-core.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import amqp from "amqplib";
import {
  addFirstProduct,
  adminAccount,
  assertAccessible,
  brokerUrl,
  checkOut,
  openBrowser,
  register,
  screenshotOnFailure,
  shoot,
  signIn,
  storefront,
} from "./browser.mjs";

const base = storefront();
let customer;
let admin;
let orderId;
let customerEmail;

before(async () => {
  customer = await openBrowser();
  admin = await openBrowser();
});

after(async () => {
  await customer?.context.close();
  await admin?.context.close();
});

test("a customer who opens the admin area is refused and sees no admin link", async (t) => {
  const { page } = customer;
  screenshotOnFailure(t, page, "admin-refused");
  customerEmail = await register(page, base, "Shipping Test");
  assert.equal(await page.getByRole("link", { name: "Admin" }).count(), 0);
  await page.goto(base + "/admin/orders");
  await page.getByText(/This area is for administrators/).waitFor();
  assert.equal(await page.getByRole("table").count(), 0);
  await assertAccessible(page, "the admin area refusing a customer");
  await shoot(page, "admin-refused");
});

test("an admin ships and delivers the customer's order, and the customer sees it delivered", async (t) => {
  screenshotOnFailure(t, customer.page, "admin-customer");
  screenshotOnFailure(t, admin.page, "admin");
  await addFirstProduct(customer.page, base);
  orderId = await checkOut(customer.page, base);

  const { page } = admin;
  await signIn(page, base, adminAccount());
  await page.getByRole("link", { name: "Admin" }).click();
  await page.getByRole("heading", { name: "Admin: products and stock" }).waitFor();
  await page.goto(base + "/admin/orders?status=confirmed");
  const row = page.locator(`tr[data-order-id="${orderId}"]`);
  await row.waitFor();
  await assertAccessible(page, "the admin's orders");
  await shoot(page, "admin-orders");
  await row.getByRole("button", { name: /^Ship/ }).click();
  await page.getByText(`Order ${orderId.slice(0, 8)} is shipped.`).waitFor();
  assert.equal(await row.getByRole("cell", { name: "Shipped", exact: true }).count(), 1);
  await row.getByRole("button", { name: /^Mark delivered/ }).click();
  await page.getByText(`Order ${orderId.slice(0, 8)} is delivered.`).waitFor();
  assert.equal(await row.getByRole("cell", { name: "Delivered", exact: true }).count(), 1);

  await customer.page.goto(`${base}/orders/${orderId}`);
  await customer.page.getByText("Status: Delivered").waitFor();
  assert.deepEqual(customer.errors, []);
});

test("an admin moves a product's stock and finds the customer among the users", async (t) => {
  const { page } = admin;
  screenshotOnFailure(t, page, "admin-stock");
  await page.goto(base + "/admin/products");
  const first = page.locator("tbody tr").first();
  await first.waitFor();
  await assertAccessible(page, "the admin's products");
  await shoot(page, "admin-products");
  // the columns: product (row header), price, on hand, reserved, available, …
  const onHandCell = first.locator("td").nth(1);
  assert.equal(await page.locator("thead th").nth(2).innerText(), "On hand");
  const onHand = Number(await onHandCell.innerText());
  await first.getByLabel(/Stock change for/).fill("5");
  await first.getByRole("button", { name: /^Apply/ }).click();
  await page.getByText(new RegExp(`: ${onHand + 5} on hand`)).waitFor();
  assert.equal(await onHandCell.innerText(), String(onHand + 5));

  await first.getByRole("button", { name: /^Edit/ }).click();
  await page.getByRole("form", { name: /^Edit / }).waitFor();
  await assertAccessible(page, "the admin's product form");
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.goto(base + "/admin/users");
  await page.getByRole("cell", { name: customerEmail, exact: true }).waitFor();
  await assertAccessible(page, "the admin's users");
  await shoot(page, "admin-users");

  for (const area of ["Inventory", "Orders", "Payments"]) {
    await page.goto(base + "/admin/dead-letters");
    await page.getByLabel("Service").selectOption({ label: area });
    await page.getByText(new RegExp(`No dead letters in ${area}|Dead letters of ${area}`)).first().waitFor();
    await assertAccessible(page, `the admin's dead letters of ${area}`);
  }
  await shoot(page, "admin-dead-letters");
  assert.deepEqual(admin.errors, []);
});

test("an admin reads a dead letter, replays it and, as it fails again, discards it", async (t) => {
  const { page } = admin;
  screenshotOnFailure(t, page, "admin-dead-letter");
  // A message that is no event at all: inventory-service's consumer dead-letters it at once.
  const messageId = `browser-unreadable-${Date.now()}`;
  const connection = await amqp.connect(brokerUrl());
  try {
    const channel = await connection.createConfirmChannel();
    channel.publish("emporium.events", "order.confirmed", Buffer.from("this is not an event"), {
      messageId,
      contentType: "application/json",
      persistent: true,
    });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }

  const row = page.locator("tr", { hasText: messageId });
  const openInventory = async () => {
    await page.goto(base + "/admin/dead-letters?area=inventory");
    await page.getByText(/No dead letters in Inventory|Dead letters of Inventory/).first().waitFor();
  };
  await openInventory();
  for (let tries = 0; (await row.count()) === 0 && tries < 20; tries++) {
    await page.waitForTimeout(500);
    await openInventory();
  }
  await row.waitFor({ timeout: 1_000 });

  await row.getByRole("button", { name: /^Show/ }).click();
  await page.getByRole("heading", { name: "Dead letter: not a readable event" }).waitFor();
  await page.getByText("this is not an event").first().waitFor();
  await assertAccessible(page, "a dead letter opened");
  await shoot(page, "admin-dead-letter");

  await row.getByRole("button", { name: /^Replay/ }).click();
  await page.getByText("The message is back on inventory-service.orders.").waitFor();
  // replayed onto its queue, it fails again and comes back, counted
  await openInventory();
  for (let tries = 0; (await row.filter({ hasText: "replayed 1×" }).count()) === 0 && tries < 20; tries++) {
    await page.waitForTimeout(500);
    await openInventory();
  }
  await row.filter({ hasText: "replayed 1×" }).waitFor({ timeout: 1_000 });

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: /^Discard/ }).click();
  await page.getByText("The message is discarded.").waitFor();
  await openInventory();
  assert.equal(await row.count(), 0);
  assert.deepEqual(admin.errors, []);
});
