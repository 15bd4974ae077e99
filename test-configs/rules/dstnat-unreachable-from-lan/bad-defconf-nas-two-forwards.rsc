# A defconf home router (DHCP on ether1) with an IoT VLAN, two forwards to a NAS that only match traffic
# from the WAN, and a forward-chain drop between the LAN subnets. Applying every fix natlint printed
# one by one once left a new hairpin-missing-masquerade error; the combined fix must not.
/interface bridge add admin-mac=48:A9:8A:00:00:01 auto-mac=no comment=defconf name=bridge
/interface vlan add interface=bridge name=vlan20-iot vlan-id=20
/interface list add comment=defconf name=WAN
/interface list add comment=defconf name=LAN
/interface bridge port add bridge=bridge comment=defconf interface=ether2
/interface bridge port add bridge=bridge comment=defconf interface=ether3
/interface list member add comment=defconf interface=bridge list=LAN
/interface list member add comment=defconf interface=ether1 list=WAN
/interface list member add interface=vlan20-iot list=LAN
/ip address add address=192.168.88.1/24 comment=defconf interface=bridge network=192.168.88.0
/ip address add address=192.168.20.1/24 interface=vlan20-iot network=192.168.20.0
/ip dhcp-client add comment=defconf interface=ether1
/ip firewall filter
add action=accept chain=input comment="defconf: accept established,related,untracked" connection-state=established,related,untracked
add action=drop chain=input comment="defconf: drop invalid" connection-state=invalid
add action=accept chain=input comment="defconf: accept ICMP" protocol=icmp
add action=drop chain=input comment="defconf: drop all not coming from LAN" in-interface-list=!LAN
add action=fasttrack-connection chain=forward comment="defconf: fasttrack" connection-state=established,related hw-offload=yes
add action=accept chain=forward comment="defconf: accept established,related, untracked" connection-state=established,related,untracked
add action=drop chain=forward comment="defconf: drop invalid" connection-state=invalid
add action=drop chain=forward comment="defconf: drop all from WAN not DSTNATed" connection-nat-state=!dstnat connection-state=new in-interface-list=WAN
add action=drop chain=forward comment="no IoT to LAN" in-interface=vlan20-iot out-interface=bridge
/ip firewall nat
add action=masquerade chain=srcnat comment="defconf: masquerade" ipsec-policy=out,none out-interface-list=WAN
add action=dst-nat chain=dstnat comment="NAS web" dst-port=443 in-interface-list=WAN protocol=tcp to-addresses=192.168.88.10 to-ports=5001 # expect: dstnat-unreachable-from-lan
add action=dst-nat chain=dstnat comment="NAS photos" dst-port=8443 in-interface-list=WAN protocol=tcp to-addresses=192.168.88.10 to-ports=5443 # expect: dstnat-unreachable-from-lan
